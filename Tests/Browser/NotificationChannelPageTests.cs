using Microsoft.Playwright;
using Planekeeper.Grains.Notifications.Senders;
using Planekeeper.Tests.Integration.Notifications;
using Planekeeper.Tests.Integration.Notifications.Support;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The notification channel pages: a webhook made with a generated HMAC secret is tested against a receiver on
/// 127.0.0.1 (the signed request arrives; its status and body show on the page), made the default, edited without
/// retyping its secret, and deleted after confirming; each type's form shows only that type's fields.
/// </summary>
[Collection("browser")]
public sealed class NotificationChannelPageTests(BrowserSystem system)
{
    [Fact]
    public async Task A_webhook_with_a_generated_secret_is_tested_made_default_edited_and_deleted()
    {
        using var owner = await system.OwnerAsync("channels-owner@example.com", "Channels Org");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "channels-owner@example.com");
        await BrowserSystem.NavigationLink(page, "Channels").ClickAsync();
        await Expect(page.GetByText("No channels yet")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Notification channels", "notification-channels-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "New channel" }).ClickAsync();
        await Expect(page.GetByLabel("Routing key")).ToHaveCountAsync(0);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("ops hook");
        await page.GetByLabel("URL", new() { Exact = true }).FillAsync($"{receiver.Url}hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate a secret" }).ClickAsync();
        var secret = await page.GetByLabel("HMAC secret (optional)").InputValueAsync();
        Assert.Equal(44, secret.Length);
        Assert.Equal($"{receiver.Url}hooks", await page.GetByLabel("URL", new() { Exact = true }).InputValueAsync());
        await BrowserSystem.CheckPageAsync(page, "New Webhook channel", "notification-channel-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create channel" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ops hook" });
        await Expect(row).ToContainTextAsync("on");

        await row.GetByRole(AriaRole.Button, new() { Name = "Test ops hook" }).ClickAsync();
        await Expect(page.Locator("#test-result")).ToContainTextAsync("delivered, HTTP 200");
        await Expect(page.Locator("#test-result")).ToContainTextAsync("{\"ok\":true}");
        var sent = (await receiver.ReceivedAsync(1, "the test webhook")).Single();
        Assert.Equal(WebhookSignature.Sign(secret, long.Parse(sent.Headers["X-Planekeeper-Timestamp"]), sent.Body), sent.Headers["X-Planekeeper-Signature"]);
        await BrowserSystem.CheckPageAsync(page, "Notification channels", "notification-channels-tested");

        await row.GetByRole(AriaRole.Button, new() { Name = "Make default: ops hook" }).ClickAsync();
        await Expect(row).ToContainTextAsync("default");

        await row.GetByRole(AriaRole.Link, new() { Name = "ops hook" }).ClickAsync();
        await Expect(page.Locator("#hmac_secret-hint")).ToContainTextAsync("Set.");
        await page.GetByLabel("URL", new() { Exact = true }).FillAsync("https://elsewhere.example.com/hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#hmac_secret-error")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Edit ops hook", "notification-channel-edit-refused");
        await page.GetByLabel("URL", new() { Exact = true }).FillAsync($"{receiver.Url}hooks");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("ops webhook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test ops webhook" }).ClickAsync();
        var again = (await receiver.ReceivedAsync(2, "the second test webhook"))[1];
        Assert.Equal(WebhookSignature.Sign(secret, long.Parse(again.Headers["X-Planekeeper-Timestamp"]), again.Body), again.Headers["X-Planekeeper-Signature"]);

        await page.GetByRole(AriaRole.Link, new() { Name = "ops webhook" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete channel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The channel was deleted.");
        await Expect(page.GetByText("No channels yet")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Each_type_shows_only_its_own_fields_and_the_grains_messages_next_to_them()
    {
        using var owner = await system.OwnerAsync("channel-types@example.com", "Channel Types Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "channel-types@example.com");

        await page.GotoAsync("/notification-channels/new?type=smtp");
        await Expect(page.GetByLabel("SMTP host")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("HMAC secret (optional)")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Channel type" }).GetByRole(AriaRole.Link, new() { Name = "PagerDuty" }).ClickAsync();
        await Expect(page.GetByLabel("SMTP host")).ToHaveCountAsync(0);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("on call");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create channel" }).ClickAsync();
        await Expect(page.Locator("[id='config.routing_key-error']")).ToBeVisibleAsync();
        Assert.Equal("password", await page.GetByLabel("Routing key").GetAttributeAsync("type"));
        await BrowserSystem.CheckPageAsync(page, "New PagerDuty channel", "notification-channel-new-invalid");
        Assert.Equal(404, (await page.GotoAsync("/notification-channels/new?type=carrier-pigeon"))!.Status);
    }
}
