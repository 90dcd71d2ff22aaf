using System.Net;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The alert pages: an alert raised by a real agent's run is acknowledged with a reason in the browser; bulk acknowledgment; a viewer's view.</summary>
[Collection("browser")]
public sealed class AlertPageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_alert_appears_without_a_reload_and_is_acknowledged_with_its_reason_in_the_history()
    {
        using var owner = await system.OwnerAsync("alert-pages@example.com", "Alert Org");
        var (_, key) = await owner.CreateApiKeyAsync("alert-agent");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "alert-agent");
        var gatherJob = await owner.CreateGatherJobAsync("postgres");
        var scrapeJob = await owner.CreateManualScrapeJobAsync("db cluster");
        await owner.CreateConfigAsync("postgres prod", scrapeJob, gatherJob, await owner.CreateRuleAsync("majors_behind", 1, 2, 3));

        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "alert-pages@example.com");
        await BrowserSystem.NavigationLink(page, "Alerts").ClickAsync();
        await Expect(page.GetByText("No open alerts")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Alerts", "alerts-empty");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await agent.GatherAsync(owner, gatherJob, "14.0.0", "15.0.0", "16.0.0", "17.0.0");
        await owner.SetVersionAsync(scrapeJob, "14.0.0");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "postgres prod" });
        await Expect(row).ToContainTextAsync("critical", new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await BrowserSystem.CheckPageAsync(page, "Alerts", "alerts");

        await row.GetByRole(AriaRole.Link, new() { Name = "postgres prod" }).ClickAsync();
        await page.GetByLabel("Reason").FillAsync("upgrade planned");
        await page.GetByLabel("Ticket").FillAsync("OPS-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(page.Locator("#alert-state")).ToContainTextAsync("active, acknowledged");
        var acknowledged = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "acknowledged" }).Filter(new() { HasText = "OPS-12" });
        await Expect(acknowledged).ToContainTextAsync("reason: upgrade planned");
        await BrowserSystem.CheckPageAsync(page, "Alert: postgres prod", "alert-acknowledged");

        await page.GetByRole(AriaRole.Button, new() { Name = "Unacknowledge" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Expect(page.Locator("#alert-state")).ToContainTextAsync("resolved");
        Assert.Equal("resolved", (await owner.AlertsAsync("all")).Single().Text("status"));
    }

    [Fact]
    public async Task Ticked_alerts_are_acknowledged_together_and_a_viewer_may_not()
    {
        using var owner = await system.OwnerAsync("bulk-alerts@example.com", "Bulk Org");
        var (_, key) = await owner.CreateApiKeyAsync("bulk-agent");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "bulk-agent");
        var gatherJob = await owner.CreateGatherJobAsync("redis");
        await agent.GatherAsync(owner, gatherJob, "6.0.0", "7.0.0", "8.0.0");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        foreach (var name in new[] { "cache a", "cache b" })
        {
            var scrapeJob = await owner.CreateManualScrapeJobAsync(name);
            await owner.SetVersionAsync(scrapeJob, "6.0.0");
            await owner.CreateConfigAsync(name, scrapeJob, gatherJob, rule);
        }

        await system.MemberAsync(owner, "bulk-viewer@example.com", "viewer");
        var viewer = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(viewer, "bulk-viewer@example.com");
        await viewer.GotoAsync("/alerts");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Acknowledge selected" })).ToBeDisabledAsync();
        var alertId = (await owner.AlertsAsync("active"))[0].GetProperty("id").GetInt64();
        await viewer.GotoAsync($"/alerts/{alertId}");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToBeDisabledAsync();
        await BrowserSystem.CheckPageAsync(viewer, "Alert: cache b", "alert-viewer");
        var posted = await system.PostAsPageAsync(viewer, $"/alerts/{alertId}?handler=acknowledge");
        Assert.Equal(403, posted.Status);
        Assert.All(await owner.AlertsAsync("active"), alert => Assert.Equal("False", alert.Text("acknowledged")));

        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "bulk-alerts@example.com");
        await page.GotoAsync("/alerts");
        await page.GetByLabel("Select the alert of cache a").CheckAsync();
        await page.GetByLabel("Select the alert of cache b").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge selected" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 alerts acknowledged.");
        Assert.All(await owner.AlertsAsync("active"), alert => Assert.Equal("True", alert.Text("acknowledged")));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/v1/alerts?acknowledged=true")).StatusCode);
    }
}
