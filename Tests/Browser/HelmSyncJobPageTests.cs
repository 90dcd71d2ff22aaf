using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The helm sync job pages: made through the form, a run's charts each linked to its child gather job.</summary>
[Collection("browser")]
public sealed class HelmSyncJobPageTests(BrowserSystem system)
{
    [Fact]
    public async Task A_sync_job_made_through_the_form_shows_its_charts_and_their_gather_jobs()
    {
        using var owner = await system.OwnerAsync("helm-pages@example.com", "Helm Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "helm-pages@example.com");
        await BrowserSystem.NavigationLink(page, "Helm sync").ClickAsync();
        await Expect(page.GetByText("No helm sync jobs yet")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Helm sync jobs", "helm-sync-jobs-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "New helm sync job" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("bitnami");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create helm sync job" }).ClickAsync();
        await Expect(page.Locator("#repository_url-error")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "New helm sync job", "helm-sync-job-new-invalid");
        await page.GetByLabel("Repository").FillAsync("https://charts.example.com/bitnami");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create helm sync job" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/helm-sync-jobs/\d+$"));
        await Expect(page.GetByText("No charts found yet")).ToBeVisibleAsync();

        var (_, key) = await owner.CreateApiKeyAsync("helm-agent");
        using (var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "helm-agent", ["helm_sync"]))
        {
            var task = await agent.ClaimAsync(waitSeconds: 5) ?? throw new InvalidOperationException("the helm sync job was not handed out");
            Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(TestAgent.TaskId(task), new
            {
                charts = new[] { new { name = "nginx", latest_version = "18.1.0", app_version = "1.27.0" }, new { name = "redis", latest_version = "20.0.1", app_version = "7.4.0" } },
            }));
        }

        await page.ReloadAsync();
        var nginx = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "nginx" });
        await Expect(nginx).ToContainTextAsync("18.1.0");
        await nginx.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByText("charts.example.com/bitnami/nginx")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await BrowserSystem.CheckPageAsync(page, "bitnami", "helm-sync-job-detail");
    }
}
