using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The gather job pages: the form with the API's validation messages, the list with its filter, the job with its releases.</summary>
[Collection("browser")]
public sealed class GatherJobPageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_owner_creates_a_job_through_the_form_sees_its_releases_and_edits_it()
    {
        using var owner = await system.OwnerAsync("gather-pages@example.com", "Gather Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "gather-pages@example.com");
        await BrowserSystem.NavigationLink(page, "Gather jobs").ClickAsync();
        await Expect(page.GetByText("No gather jobs yet")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Gather jobs", "gather-jobs-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "New gather job" }).ClickAsync();
        await page.GetByLabel("Artifact").FillAsync("github.com/kubernetes/kubernetes");
        await page.GetByLabel("Labels").FillAsync("team: platform");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create gather job" }).ClickAsync();
        await Expect(page.Locator("#name-error")).ToContainTextAsync("Name");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserSystem.CheckPageAsync(page, "New gather job", "gather-job-new-invalid");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("kubernetes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create gather job" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/gather-jobs/\d+$"));
        var id = long.Parse(page.Url.Split('/')[^1]);
        await Expect(page.GetByText("No releases found yet")).ToBeVisibleAsync();
        await page.GotoAsync("/gather-jobs");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "1 queued job has no agent to run it" })).ToContainTextAsync("kubernetes");
        await page.GotoAsync($"/gather-jobs/{id}");

        var (_, key) = await owner.CreateApiKeyAsync("pages-agent");
        using (var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "pages-agent"))
        {
            var task = await agent.ClaimAsync(waitSeconds: 5) ?? throw new InvalidOperationException("the gather job was not handed out");
            Assert.Equal(id, TestAgent.JobId(task));
            Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(TestAgent.TaskId(task), new
            {
                releases = new[]
                {
                    new { version = "1.29.0", released_at = "2026-08-01T00:00:00Z", prerelease = false },
                    new { version = "1.30.0-rc.1", released_at = "2026-09-01T00:00:00Z", prerelease = true },
                    new { version = "1.30.0", released_at = "2026-10-01T00:00:00Z", prerelease = false },
                },
            }));
        }

        await page.ReloadAsync();
        await Expect(page.Locator("svg.chart circle")).ToHaveCountAsync(3);
        await Expect(page.Locator("svg.chart circle.chart-prerelease")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "1.30.0-rc.1 prerelease" })).ToBeVisibleAsync();
        await Expect(page.Locator("#job-status")).ToContainTextAsync("Latest stable release1.30.0");
        await BrowserSystem.CheckPageAsync(page, "kubernetes", "gather-job-detail");

        await BrowserSystem.NavigationLink(page, "Releases").ClickAsync();
        await page.GetByLabel("Gather job").SelectOptionAsync(new SelectOptionValue { Label = "kubernetes" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "kubernetes" })).ToHaveCountAsync(3);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "1.30.0-rc.1 prerelease" })).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Releases", "releases");
        await page.GotoAsync($"/gather-jobs/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByLabel("Labels")).ToHaveValueAsync("team: platform");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("kubernetes upstream");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "kubernetes upstream", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/gather-jobs?label=team:platform");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "kubernetes upstream" })).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Gather jobs", "gather-jobs");
        await page.GotoAsync("/gather-jobs?label=team:nobody");
        await Expect(page.GetByText("No gather job matches this filter.")).ToBeVisibleAsync();
        await page.GotoAsync("/gather-jobs?label=team");
        await Expect(page.Locator("#label-error")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_viewer_sees_the_pages_with_the_controls_disabled_and_a_direct_post_is_refused()
    {
        using var owner = await system.OwnerAsync("gather-owner@example.com", "Viewed Org");
        var job = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs",
            new { name = "etcd", source_type = "github_releases", artifact_name = "github.com/etcd-io/etcd", schedule = "0 3 * * *" })).GetProperty("id").GetInt64();
        await system.MemberAsync(owner, "gather-viewer@example.com", "viewer");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "gather-viewer@example.com");

        await page.GotoAsync("/gather-jobs");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New gather job" })).ToBeDisabledAsync();
        await page.GotoAsync($"/gather-jobs/{job}");
        var run = page.GetByRole(AriaRole.Button, new() { Name = "Run now" });
        await Expect(run).ToBeDisabledAsync();
        await Expect(page.Locator("[title*='gather-jobs:run']").First).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "etcd", "gather-job-viewer");

        var posted = await system.PostAsPageAsync(page, $"/gather-jobs/{job}?handler=run");
        Assert.Equal(403, posted.Status);
        Assert.Contains("gather-jobs:run", await posted.TextAsync());

        var refused = await page.GotoAsync("/gather-jobs/new");
        Assert.Equal(403, refused!.Status);
        await Expect(page.GetByText("gather-jobs:create")).ToBeVisibleAsync();
        await Expect(page.Locator("#job-status")).ToHaveCountAsync(0);
        var stranger = await page.GotoAsync("/gather-jobs/999999");
        Assert.Equal(404, stranger!.Status);
    }
}
