using System.Net;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The dashboard: counts and the no-agent warning follow changes without a reload; the organization switcher.</summary>
[Collection("browser")]
public sealed class DashboardPageTests(BrowserSystem system)
{
    [Fact]
    public async Task The_no_agent_warning_appears_and_names_the_missing_credential_without_a_reload()
    {
        using var owner = await system.OwnerAsync("live-dashboard@example.com", "Live Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "live-dashboard@example.com");
        await Expect(page.Locator("#overview")).ToContainTextAsync("No jobs yet");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new
        {
            name = "private image", source_type = "oci_registry", artifact_name = "ghcr.io/acme/api", credential_name = "ghcr-token",
        });
        var warning = page.GetByRole(AriaRole.Region, new() { Name = "1 queued job has no agent to run it" });
        await Expect(warning).ToContainTextAsync("Gather job private image", new() { Timeout = 20_000 });
        await Expect(warning).ToContainTextAsync("no agent is online");

        var (_, key) = await owner.CreateApiKeyAsync("dashboard-agent");
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "gatherer", capabilities = new[] { "gather" } });
        await Expect(warning).ToContainTextAsync("no online agent with the gather capability holds the credential 'ghcr-token'", new() { Timeout = 20_000 });
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Agents" })).ToContainTextAsync("1 online");

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, "dashboard-no-agent-warning");
    }

    [Fact]
    public async Task The_switcher_changes_the_organization_for_the_pages_and_the_api_alike()
    {
        using var owner = await system.OwnerAsync("two-orgs@example.com", "Alpha Org");
        var alpha = owner.OrganizationId!.Value;
        var beta = await owner.CreateOrganizationAsync("Beta Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "two-orgs@example.com");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Alpha Org");

        await page.GetByLabel("Organization").SelectOptionAsync(new SelectOptionValue { Label = "Beta Org" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Beta Org");
        await Expect(page.GetByLabel("Organization")).ToHaveValueAsync(beta.ToString());
        var me = await page.APIRequest.GetAsync("/api/v1/me");
        Assert.Equal(beta, (await me.JsonAsync())!.Value.GetProperty("current_organization_id").GetInt64());
        var summary = await page.APIRequest.GetAsync("/api/v1/alerts/summary");
        Assert.Equal(200, summary.Status);
        Assert.NotEqual(alpha, beta);
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, "dashboard-switcher");
    }

    [Fact]
    public async Task Switching_to_an_organization_the_user_does_not_belong_to_is_404()
    {
        using var stranger = await system.OwnerAsync("stranger@example.com", "Stranger Org");
        using var owner = await system.OwnerAsync("switch-denied@example.com", "Own Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "switch-denied@example.com");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Own Org");
        var headers = System.Text.Json.JsonDocument.Parse((await page.Locator("body").GetAttributeAsync("hx-headers"))!).RootElement;
        var form = page.APIRequest.CreateFormData();
        form.Set("organizationId", stranger.OrganizationId!.Value.ToString());

        var response = await page.APIRequest.PostAsync("/switch-organization", new()
        {
            Form = form,
            Headers = new Dictionary<string, string>
            {
                ["X-CSRF-TOKEN"] = headers.GetProperty("X-CSRF-TOKEN").GetString()!,
                ["Origin"] = system.Frontend.BaseAddress.GetLeftPart(UriPartial.Authority),
            },
        });

        Assert.Equal(404, response.Status);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Own Org");
    }
}
