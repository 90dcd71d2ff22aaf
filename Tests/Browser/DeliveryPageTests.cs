using System.Net;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Notifications;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The deliveries page: a receiver on 127.0.0.1 that fails makes a dead letter, which is retried from the page and
/// then succeeds; a viewer sees the retry disabled and a direct post is refused.
/// </summary>
[Collection("browser")]
public sealed class DeliveryPageTests(BrowserSystem system)
{
    [Fact]
    public async Task A_dead_letter_is_retried_from_the_page_and_succeeds_and_a_viewer_may_not_retry()
    {
        using var owner = await system.OwnerAsync("deliveries-owner@example.com", "Deliveries Org");
        await using var receiver = await ReceiverStandIn.StartAsync();
        receiver.DefaultStatus = 500;
        var channel = await owner.CreateChannelAsync("webhook", new { url = $"{receiver.Url}hooks" });
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-rules", new { name = "all to the hook", priority = 1, channel_id = channel });
        var alert = await RaiseAlertAsync(owner);
        await Eventually.ReturnsAsync(() => owner.OkAsync(HttpMethod.Get, "/api/v1/notification-deliveries?status=dead"),
            dead => dead.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the delivery going dead after two failed attempts");

        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "deliveries-owner@example.com");
        await page.GotoAsync($"/alerts/{alert}");
        await page.GetByRole(AriaRole.Link, new() { Name = "All deliveries" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "alert.created" });
        await Expect(row).ToContainTextAsync("dead");
        await Expect(row).ToContainTextAsync("HTTP 500");
        await BrowserSystem.CheckPageAsync(page, "Deliveries", "deliveries-dead");

        await system.MemberAsync(owner, "deliveries-viewer@example.com", "viewer");
        var viewer = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(viewer, "deliveries-viewer@example.com");
        await viewer.GotoAsync("/deliveries?status=dead");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Retry selected" })).ToBeDisabledAsync();
        var id = (await owner.OkAsync(HttpMethod.Get, "/api/v1/notification-deliveries?status=dead")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var posted = await system.PostAsPageAsync(viewer, "/deliveries?handler=retry", ("ids", id.ToString()));
        Assert.Equal(403, posted.Status);

        receiver.DefaultStatus = 200;
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry selected" }).ClickAsync();
        await Expect(page.Locator("#ids-error")).ToBeVisibleAsync();
        await page.GotoAsync("/deliveries?status=dead");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select delivery {id}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry selected" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 delivery is queued again.");
        await page.GotoAsync("/deliveries?status=succeeded");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "alert.created" })).ToContainTextAsync("succeeded", new() { Timeout = 30_000 });
        Assert.Contains(receiver.Requests, request => request.AnsweredWith == 200);
    }

    /// <summary>A config two majors behind: one alert, one <c>alert.created</c> event.</summary>
    private async Task<long> RaiseAlertAsync(ApiClient owner)
    {
        var (_, key) = await owner.CreateApiKeyAsync("deliveries-agent");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "deliveries-agent");
        var gatherJob = await owner.CreateGatherJobAsync("web framework");
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0", "3.0.0");
        var scrapeJob = await owner.CreateManualScrapeJobAsync("web deployment");
        await owner.SetVersionAsync(scrapeJob, "1.0.0");
        await owner.CreateConfigAsync("web prod", scrapeJob, gatherJob, await owner.CreateRuleAsync("majors_behind", 1, 2, 3));
        return (await owner.OkAsync(HttpMethod.Get, "/api/v1/alerts")).GetProperty("items")[0].GetProperty("id").GetInt64();
    }
}
