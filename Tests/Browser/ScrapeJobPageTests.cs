using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The scrape job pages: a manual job made through the form, its version set by hand, the history; a viewer's view.</summary>
[Collection("browser")]
public sealed class ScrapeJobPageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_owner_creates_a_manual_job_sets_its_version_and_sees_the_history()
    {
        using var owner = await system.OwnerAsync("scrape-pages@example.com", "Scrape Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "scrape-pages@example.com");
        await BrowserSystem.NavigationLink(page, "Scrape jobs").ClickAsync();
        await Expect(page.GetByText("No scrape jobs yet")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Scrape jobs", "scrape-jobs-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "New scrape job" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("prod cluster");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create scrape job" }).ClickAsync();
        await Expect(page.Locator("#repository_url-error")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "New scrape job", "scrape-job-new-invalid");

        await page.GetByLabel("How the version is found").SelectOptionAsync("manual");
        await page.GetByLabel("Version transform").SelectOptionAsync("add_v_lower");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create scrape job" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/scrape-jobs/\d+$"));
        await Expect(page.GetByText("No version yet")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Set version" }).ClickAsync();
        await Expect(page.Locator("#version-error")).ToBeVisibleAsync();
        await page.GetByLabel("Version", new() { Exact = true }).FillAsync("1.29.4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set version" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The deployed version is set");
        await Expect(page.Locator("#job-status")).ToContainTextAsync("Deployed versionv1.29.4");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "set by hand" })).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "prod cluster", "scrape-job-detail");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByLabel("How the version is found")).ToHaveValueAsync("manual");
        await BrowserSystem.CheckPageAsync(page, "Edit prod cluster", "scrape-job-edit");

        await page.GotoAsync("/scrape-jobs");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "prod cluster" })).ToContainTextAsync("v1.29.4");
        await BrowserSystem.CheckPageAsync(page, "Scrape jobs", "scrape-jobs");
    }

    [Fact]
    public async Task A_viewer_cannot_set_a_version_even_by_posting_directly()
    {
        using var owner = await system.OwnerAsync("scrape-owner@example.com", "Scrape Viewed Org");
        var job = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new { name = "edge", parse_type = "manual" }))
            .GetProperty("id").GetInt64();
        await system.MemberAsync(owner, "scrape-viewer@example.com", "viewer");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "scrape-viewer@example.com");

        await page.GotoAsync($"/scrape-jobs/{job}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Set version" })).ToBeDisabledAsync();
        var posted = await system.PostAsPageAsync(page, $"/scrape-jobs/{job}?handler=setVersion", ("Version", "9.9.9"));
        Assert.Equal(403, posted.Status);
        Assert.Contains("scrape-jobs:set-version", await posted.TextAsync());
        var versions = await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{job}/versions");
        Assert.Equal(0, versions.GetProperty("items").GetArrayLength());
    }
}
