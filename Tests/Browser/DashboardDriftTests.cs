using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The dashboard's drift table and alert history: an alert config that falls behind shows up without a reload.</summary>
[Collection("browser")]
public sealed class DashboardDriftTests(BrowserSystem system)
{
    [Fact]
    public async Task A_config_behind_appears_in_the_drift_table_and_the_history_without_a_reload()
    {
        using var owner = await system.OwnerAsync("drift-dashboard@example.com", "Drift Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "drift-dashboard@example.com");
        var drift = page.GetByRole(AriaRole.Region, new() { Name = "Drift" });
        await Expect(drift).ToContainTextAsync("No alert configs yet");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        var (_, key) = await owner.CreateApiKeyAsync("drift-agent");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "drift-agent");
        var gatherJob = await owner.CreateGatherJobAsync("kubernetes");
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0", "3.0.0");
        var scrapeJob = await owner.CreateManualScrapeJobAsync("prod cluster");
        await owner.SetVersionAsync(scrapeJob, "1.0.0");
        await owner.CreateConfigAsync("k8s prod", scrapeJob, gatherJob, await owner.CreateRuleAsync("majors_behind", 1, 2, 3));

        var row = drift.GetByRole(AriaRole.Row).Filter(new() { HasText = "k8s prod" });
        await Expect(row).ToContainTextAsync("2 majors", new() { Timeout = 15_000 });
        await Expect(row).ToContainTextAsync("high");
        await Expect(row).ToContainTextAsync("prod cluster → kubernetes");
        var history = page.GetByRole(AriaRole.Img, new() { Name = "Alerts raised per day, last 30 days" });
        await Expect(history).ToBeVisibleAsync();
        await Expect(history.Locator("rect.severity-high")).ToHaveCountAsync(1);

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, "dashboard-drift");
    }
}
