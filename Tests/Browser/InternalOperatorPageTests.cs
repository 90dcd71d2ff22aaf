using System.Net;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The Internal UI's pages about customers (docs/ui.md, "Internal UI"): organizations and their suspension, users and
/// their approval, global admin and lock, every agent, and stuck jobs with their reset — each through the page, with
/// its effect checked where the customer meets it.
/// </summary>
[Collection("browser")]
public sealed class InternalOperatorPageTests(BrowserSystem system)
{
    [Fact]
    public async Task Suspending_an_organization_refuses_its_pages_until_it_is_unsuspended()
    {
        using var owner = await system.OwnerAsync("suspended-owner@example.com", "Suspend Me Org");
        var customer = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(customer, "suspended-owner@example.com");
        Assert.Equal(200, (await customer.GotoAsync("/gather-jobs"))!.Status);

        var page = await system.OperatorPageAsync();
        await BrowserSystem.InternalNavigationLink(page, "Organizations").ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "Organizations", "internal-organizations");
        var row = page.Locator("tr[data-organization='Suspend Me Org']");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await row.GetByRole(AriaRole.Button, new() { Name = "Suspend Suspend Me Org" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Suspended");
        await Expect(row).ToContainTextAsync("suspended");

        var refused = await customer.GotoAsync("/gather-jobs");
        Assert.Equal(403, refused!.Status);
        await Expect(customer.Locator("main")).ToContainTextAsync("suspended");
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/v1/gather-jobs")).StatusCode);

        await row.GetByRole(AriaRole.Button, new() { Name = "Unsuspend Suspend Me Org" }).ClickAsync();
        await Expect(row).ToContainTextAsync("active");
        Assert.Equal(200, (await customer.GotoAsync("/gather-jobs"))!.Status);
    }

    [Fact]
    public async Task A_user_is_approved_made_global_admin_and_locked_from_the_users_page()
    {
        using var client = system.Client();
        await client.SignUpAsync("operated-user@example.com", BrowserSystem.Password);

        var page = await system.OperatorPageAsync();
        await BrowserSystem.InternalNavigationLink(page, "Users").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Waiting for approval" }).ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "Users", "internal-users");
        var row = page.Locator("tr[data-user='operated-user@example.com']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve operated-user@example.com" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(row).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "All", Exact = true }).ClickAsync();
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("yes");
        await row.GetByRole(AriaRole.Button, new() { Name = "Make global admin operated-user@example.com" }).ClickAsync();
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("yes");
        using var user = system.Client();
        await user.SignInAsync("operated-user@example.com", BrowserSystem.Password);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/internal/users")).StatusCode);
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove global admin from operated-user@example.com" }).ClickAsync();
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("no");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/internal/users")).StatusCode);

        await row.GetByRole(AriaRole.Button, new() { Name = "Lock operated-user@example.com" }).ClickAsync();
        await Expect(row.Locator("td").Nth(4)).ToContainTextAsync("since");
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/me")).StatusCode);
        using var again = system.Client();
        Assert.NotEqual(HttpStatusCode.OK, (await again.PostAsync("/api/v1/auth/login", new { email = "operated-user@example.com", password = BrowserSystem.Password })).StatusCode);

        await row.GetByRole(AriaRole.Button, new() { Name = "Unlock operated-user@example.com" }).ClickAsync();
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("no");
        await again.SignInAsync("operated-user@example.com", BrowserSystem.Password);

        // The operator is not offered a lock of their own account, and the grain refuses it anyway.
        await Expect(page.Locator($"tr[data-user='{RunningSystem.AdminEmail}']").GetByRole(AriaRole.Button, new() { Name = $"Lock {RunningSystem.AdminEmail}" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Every_agent_is_listed_with_its_health_and_a_stuck_job_is_queued_again()
    {
        using var owner = await system.OwnerAsync("stuck-owner@example.com", "Stuck Jobs Org");
        var job = await owner.CreateGatherJobAsync("stuck-etcd");
        var (_, key) = await owner.CreateApiKeyAsync("stuck-agent");
        var page = await system.OperatorPageAsync();
        await BrowserSystem.InternalNavigationLink(page, "Agents").ClickAsync();
        var agentRow = page.Locator("tr[data-agent='stuck-agent-1']");
        await Expect(agentRow).ToHaveCountAsync(0);

        // The agent connects while the page is open: it appears without a reload.
        using var agent = ApiClient.WithKey(system.Frontend.BaseAddress, key);
        var registered = await agent.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", new { agent_name = "stuck-agent-1", version = "2.0.1", capabilities = new[] { "gather" } });
        var claimed = await agent.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/agent/tasks/claim",
            new { agent_id = registered.GetProperty("agent_id").GetInt64(), wait_seconds = 0 });
        Assert.Equal(job, claimed.GetProperty("job_id").GetInt64());
        await Expect(agentRow.Locator("td").Nth(6)).ToHaveTextAsync("1");
        await BrowserSystem.CheckPageAsync(page, "Agents", "internal-agents");
        await Expect(agentRow).ToContainTextAsync("Stuck Jobs Org");
        await Expect(agentRow).ToContainTextAsync("online");
        await Expect(agentRow).ToContainTextAsync("2.0.1");

        await BrowserSystem.InternalNavigationLink(page, "Stuck jobs").ClickAsync();
        await page.GetByLabel("In progress for longer than").FillAsync("not a duration");
        await page.GetByRole(AriaRole.Button, new() { Name = "List" }).ClickAsync();
        await Expect(page.Locator("#older_than-error")).ToContainTextAsync("The threshold must be a duration");

        var jobRow = page.Locator($"tr[data-job='gather_job:{job}']");
        await Eventually.ReturnsAsync(
            async () =>
            {
                await page.GotoAsync("/internal/stuck-jobs?older_than=1s");
                return await jobRow.CountAsync();
            },
            count => count == 1,
            TimeSpan.FromSeconds(30),
            "the claimed job among the jobs in progress for longer than 1s");
        await BrowserSystem.CheckPageAsync(page, "Stuck jobs", "internal-stuck-jobs");
        await Expect(jobRow).ToContainTextAsync("stuck-agent-1");

        await page.GetByRole(AriaRole.Button, new() { Name = "Queue them again" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("queued again");
        await Expect(jobRow).ToHaveCountAsync(0);
        Assert.Equal("queued", await system.ScalarAsync<string>($"SELECT status FROM gather_jobs WHERE id = {job}"));
    }
}
