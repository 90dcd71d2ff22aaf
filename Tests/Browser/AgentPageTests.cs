using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The agents page: how to connect one (this server's address filled in), and an agent appearing without a reload with what it reports.</summary>
[Collection("browser")]
public sealed class AgentPageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_agent_that_connects_appears_with_its_capabilities_credentials_running_job_and_github_quota()
    {
        using var owner = await system.OwnerAsync("agents-page@example.com", "Agents Org");
        var job = await owner.CreateGatherJobAsync("etcd", credential: "github-pat");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "agents-page@example.com");
        await page.GotoAsync("/gather-jobs");
        await page.GetByRole(AriaRole.Link, new() { Name = "how to connect an agent" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/agents#connect-heading$"));
        await Expect(page.GetByText("No agent has connected yet")).ToBeVisibleAsync();
        var origin = system.Frontend.BaseAddress.GetLeftPart(UriPartial.Authority);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "How to connect an agent" })).ToContainTextAsync($"export AGENT_SERVER_URL={origin}");
        await BrowserSystem.CheckPageAsync(page, "Agents", "agents-empty");

        var (_, key) = await owner.CreateApiKeyAsync("site-agent");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var registered = await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new
        {
            agent_name = "prod-site", version = "1.4.0", capabilities = new[] { "gather" },
            credentials = new[] { new { name = "github-pat", type = "https_pat" } },
            rate_limits = new { github = new { limit = 5000, remaining = 4321, resets_at = DateTime.UtcNow.Date.AddHours(23) } },
        });
        var claimed = await agent.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/agent/tasks/claim",
            new { agent_id = registered.GetProperty("agent_id").GetInt64(), wait_seconds = 0 });
        Assert.Equal(job, claimed.GetProperty("job_id").GetInt64());

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "prod-site" });
        await Expect(row).ToContainTextAsync("online", new() { Timeout = 15_000 });
        await Expect(row).ToContainTextAsync("1.4.0");
        await Expect(row).ToContainTextAsync("github-pat (https_pat)");
        await Expect(row).ToContainTextAsync("4321 of 5000 left");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = $"gather job {job}" })).ToHaveAttributeAsync("href", $"/gather-jobs/{job}");
        await BrowserSystem.CheckPageAsync(page, "Agents", "agents");
    }
}
