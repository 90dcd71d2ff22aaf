using System.Diagnostics;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The maintenance banner: set by a global admin in the Internal UI, it appears on the Client UI pages of a browser already signed in
/// within the frontend's refresh interval (<see cref="BrowserSystem.BannerRefreshInterval"/>), stays dismissed in that
/// browser until its message changes, and goes when it is cleared.
/// </summary>
[Collection("browser")]
public sealed class MaintenanceBannerTests(BrowserSystem system, ITestOutputHelper output)
{
    private const string Setting = "/api/v1/internal/settings/maintenance_banner";

    [Fact]
    public async Task A_banner_appears_within_the_refresh_interval_stays_dismissed_until_it_changes_and_goes_when_cleared()
    {
        using var owner = await system.OwnerAsync("banner-owner@example.com", "Banner Org");
        using var admin = await system.AdminAsync();
        var operatorPage = await system.OperatorPageAsync();
        await BrowserSystem.InternalNavigationLink(operatorPage, "Banner").ClickAsync();
        await BrowserSystem.CheckPageAsync(operatorPage, "Maintenance banner", "internal-banner");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "banner-owner@example.com");
        var other = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(other, "banner-owner@example.com");
        var banner = page.GetByRole(AriaRole.Region, new() { Name = "Announcement" });
        await Expect(banner).ToHaveCountAsync(0);
        try
        {
            var clock = Stopwatch.StartNew();
            await SetBannerAsync(operatorPage, "warn", "Database upgrade at 22:00 UTC");
            await ReloadUntilAsync(page, banner, 1);
            output.WriteLine($"banner set → shown on the page's next load: {clock.Elapsed.TotalSeconds:F1} s (refresh interval {BrowserSystem.BannerRefreshInterval.TotalSeconds} s)");
            Assert.True(clock.Elapsed < BrowserSystem.BannerRefreshInterval + TimeSpan.FromSeconds(5), $"the banner took {clock.Elapsed}");
            await Expect(banner).ToContainTextAsync("Warning: Database upgrade at 22:00 UTC");
            await BrowserSystem.CheckPageAsync(page, "Banner Org", "banner");

            await banner.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
            await Expect(banner).ToBeHiddenAsync();
            await page.GotoAsync("/gather-jobs");
            await Expect(banner).ToBeHiddenAsync();
            await other.ReloadAsync();
            await Expect(other.GetByRole(AriaRole.Region, new() { Name = "Announcement" })).ToBeVisibleAsync();

            await SetBannerAsync(operatorPage, "critical", "The upgrade overruns; changes may be lost until 23:00 UTC");
            await ReloadUntilAsync(page, banner.Filter(new() { HasText = "overruns" }), 1);
            await Expect(banner).ToBeVisibleAsync();

            await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Clear the banner" }).ClickAsync();
            await Expect(operatorPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cleared.");
            await ReloadUntilAsync(page, banner, 0);
        }
        finally
        {
            await admin.OkAsync(HttpMethod.Put, Setting, new { value = "" });
        }
    }

    private static async Task SetBannerAsync(IPage operatorPage, string level, string message)
    {
        await operatorPage.GetByLabel(level, new() { Exact = true }).CheckAsync();
        await operatorPage.GetByLabel("Message").FillAsync(message);
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Show this banner" }).ClickAsync();
        await Expect(operatorPage.Locator("[data-current-banner]")).ToContainTextAsync(message);
    }

    private static Task ReloadUntilAsync(IPage page, ILocator locator, int count) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await locator.CountAsync();
            },
            found => found == count,
            TimeSpan.FromSeconds(30),
            $"{count} banner(s) after reloading");
}
