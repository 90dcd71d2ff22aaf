using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The settings page: an owner picks and clears the default channel; a viewer sees it but cannot change it.</summary>
[Collection("browser")]
public sealed class SettingsPageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_owner_sets_and_clears_the_default_channel_and_a_viewer_cannot_even_by_posting()
    {
        using var owner = await system.OwnerAsync("settings-owner@example.com", "Settings Org");
        var channel = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels", new
        {
            name = "ops hook", type = "webhook", config = new { url = "https://hooks.example.com/ops" },
        })).GetProperty("id").GetInt64();
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "settings-owner@example.com");
        await BrowserSystem.NavigationLink(page, "Settings").ClickAsync();
        await Expect(page.GetByText("Nothing yet")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Settings", "settings-empty");

        await page.GetByLabel("Channel", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "ops hook (webhook)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "default_notification_channel_id" })).ToContainTextAsync("ops hook (webhook)");
        Assert.Equal(channel.ToString(), (await owner.OkAsync(HttpMethod.Get, "/api/v1/settings")).GetProperty("default_notification_channel_id").GetString());
        await BrowserSystem.CheckPageAsync(page, "Settings", "settings");

        await system.MemberAsync(owner, "settings-viewer@example.com", "viewer");
        var viewer = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(viewer, "settings-viewer@example.com");
        await viewer.GotoAsync("/settings");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeDisabledAsync();
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Clear default_notification_channel_id" })).ToBeDisabledAsync();
        var posted = await system.PostAsPageAsync(viewer, "/settings?handler=clear", ("key", "default_notification_channel_id"));
        Assert.Equal(403, posted.Status);
        Assert.Contains("settings:update", await posted.TextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear default_notification_channel_id" }).ClickAsync();
        await Expect(page.GetByText("Nothing yet")).ToBeVisibleAsync();
        Assert.False((await owner.OkAsync(HttpMethod.Get, "/api/v1/settings")).TryGetProperty("default_notification_channel_id", out _));
    }
}
