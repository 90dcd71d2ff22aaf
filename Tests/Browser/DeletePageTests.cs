using System.Net;
using Microsoft.Playwright;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>Deleting through the confirmation pages: what an alert config uses is named with links and refused until the config is gone.</summary>
[Collection("browser")]
public sealed class DeletePageTests(BrowserSystem system)
{
    [Fact]
    public async Task A_job_in_use_shows_its_alert_configs_and_is_deleted_once_they_are_gone()
    {
        using var owner = await system.OwnerAsync("delete-pages@example.com", "Delete Org");
        var gatherJob = await owner.CreateGatherJobAsync("nginx");
        var scrapeJob = await owner.CreateManualScrapeJobAsync("edge proxy");
        var rule = await owner.CreateRuleAsync("minors_behind", 1, 2, 3);
        var config = await owner.CreateConfigAsync("nginx edge", scrapeJob, gatherJob, rule);
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "delete-pages@example.com");

        await page.GotoAsync($"/gather-jobs/{gatherJob}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var usedBy = page.GetByRole(AriaRole.Region, new() { Name = "Used by 1 alert config" });
        await Expect(usedBy.GetByRole(AriaRole.Link, new() { Name = "nginx edge" })).ToHaveAttributeAsync("href", $"/alert-configs/{config}/edit");
        await BrowserSystem.CheckPageAsync(page, "Delete gather job nginx?", "gather-job-delete-in-use");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete gather job" }).ClickAsync();
        await Expect(page.Locator("#form-error")).ToContainTextAsync("used by alert config(s) nginx edge");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/gather-jobs/{gatherJob}")).StatusCode);

        await usedBy.GetByRole(AriaRole.Link, new() { Name = "nginx edge" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "Delete alert config nginx edge?", "alert-config-delete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete alert config" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alert configs", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/alert-configs/{config}")).StatusCode);

        await page.GotoAsync($"/gather-jobs/{gatherJob}/delete");
        await Expect(page.GetByText("This cannot be undone.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete gather job" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gather jobs", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/gather-jobs/{gatherJob}")).StatusCode);

        await page.GotoAsync($"/monitoring-rules/{rule}/delete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete monitoring rule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monitoring rules", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync($"/scrape-jobs/{scrapeJob}/delete");
        await BrowserSystem.CheckPageAsync(page, "Delete scrape job edge proxy?", "scrape-job-delete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete scrape job" }).ClickAsync();
        await Expect(page.GetByText("No scrape jobs yet")).ToBeVisibleAsync();
        var gone = await page.GotoAsync($"/scrape-jobs/{scrapeJob}/delete");
        Assert.Equal(404, gone!.Status);
    }
}
