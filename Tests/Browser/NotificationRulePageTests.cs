using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The notification rule pages: an owner creates a rule in the form (events, severities, a channel), sees it listed
/// by priority before an older rule with a larger priority, edits it, switches it off and on, simulates events (the
/// matching rules in order and the channels named, the default channel marked, or nothing matching), and deletes both
/// rules after confirming; a refused form shows the grain's message next to its field and keeps what was ticked.
/// </summary>
[Collection("browser")]
public sealed class NotificationRulePageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_owner_creates_a_rule_edits_toggles_simulates_and_deletes_it()
    {
        using var owner = await system.OwnerAsync("notification-rules-owner@example.com", "Routing Org");
        var ops = await CreateChannelAsync(owner, "ops hook");
        var fallback = await CreateChannelAsync(owner, "fallback hook");
        await owner.OkAsync(HttpMethod.Put, "/api/v1/settings/default_notification_channel_id", new { value = fallback.ToString() });
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "notification-rules-owner@example.com");

        await BrowserSystem.NavigationLink(page, "Notification rules").ClickAsync();
        await Expect(page.GetByText("No notification rules yet")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Notification rules", "notification-rules-empty");

        // An older rule with a larger priority, without a channel of its own: it sends to the default channel.
        var catchAll = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-rules", new
        {
            name = "serious to fallback", priority = 200, event_types = Array.Empty<string>(), severities = new[] { "high", "critical" }, active = true,
        })).GetProperty("id").GetInt64();

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New rule" }).ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "New notification rule", "notification-rule-new");
        await page.GetByLabel("alert.escalated").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Expect(page.Locator("#name-error")).ToContainTextAsync("Name is required");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("alert.escalated")).ToBeCheckedAsync();
        await BrowserSystem.CheckPageAsync(page, "New notification rule", "notification-rule-new-invalid");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("critical to ops");
        await page.GetByLabel("Priority").FillAsync("10");
        await page.GetByLabel("alert.created").CheckAsync();
        await page.GetByLabel("critical", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Channel", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "ops hook (webhook)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        var created = (await owner.OkAsync(HttpMethod.Get, "/api/v1/notification-rules")).GetProperty("items").EnumerateArray()
            .Single(rule => rule.GetProperty("name").GetString() == "critical to ops");
        Assert.Equal(10, created.GetProperty("priority").GetInt32());
        Assert.Equal(new[] { "alert.created", "alert.escalated" }, created.GetProperty("event_types").EnumerateArray().Select(e => e.GetString()!).Order().ToArray());
        Assert.Equal(new[] { "critical" }, created.GetProperty("severities").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal(ops, created.GetProperty("channel_id").GetInt64());
        var rule = created.GetProperty("id").GetInt64();

        var rows = page.GetByRole(AriaRole.Row);
        await Expect(rows.Nth(1)).ToContainTextAsync("critical to ops");
        await Expect(rows.Nth(1)).ToContainTextAsync("alert.created, alert.escalated");
        await Expect(rows.Nth(1).GetByRole(AriaRole.Link, new() { Name = "ops hook" })).ToHaveAttributeAsync("href", $"/notification-channels/{ops}/edit");
        await Expect(rows.Nth(2)).ToContainTextAsync("serious to fallback");
        await Expect(rows.Nth(2)).ToContainTextAsync("default channel (fallback hook)");
        await Expect(rows.Nth(2)).ToContainTextAsync("all");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit critical to ops" }).ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "Edit critical to ops", "notification-rule-edit");
        await Expect(page.GetByLabel("critical", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Channel", new() { Exact = true })).ToHaveValueAsync(ops.ToString());
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("critical escalations to ops");
        await page.GetByLabel("alert.created").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        var row = rows.Filter(new() { HasText = "critical escalations to ops" });
        await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("alert.escalated");

        await row.GetByRole(AriaRole.Button, new() { Name = "Switch off critical escalations to ops" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("switched off");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(5)).ToHaveTextAsync("off");
        await SimulateAsync(page, "alert.escalated", "critical");
        var result = page.Locator("#simulation-result");
        await Expect(result.Locator("ol > li")).ToHaveCountAsync(1);
        await Expect(result).Not.ToContainTextAsync("critical escalations to ops");
        await Expect(result.Locator("ol > li")).ToContainTextAsync("serious to fallback (priority 200) → fallback hook (the default channel)");

        await row.GetByRole(AriaRole.Button, new() { Name = "Switch on critical escalations to ops" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The rule is switched on.");
        await SimulateAsync(page, "alert.escalated", "critical");
        var matches = result.Locator("ol > li");
        await Expect(matches).ToHaveCountAsync(2);
        await Expect(matches.Nth(0)).ToContainTextAsync("critical escalations to ops (priority 10) → ops hook");
        await Expect(matches.Nth(1)).ToContainTextAsync("serious to fallback (priority 200) → fallback hook (the default channel)");
        await Expect(result.Locator("ul > li")).ToHaveTextAsync(["ops hook", "fallback hook"]);
        await BrowserSystem.CheckPageAsync(page, "Notification rules", "notification-rules-simulated");

        await SimulateAsync(page, "alert.resolved", "moderate");
        await Expect(result).ToContainTextAsync("No rule that is switched on matches, so this event is sent nowhere.");

        await rows.Filter(new() { HasText = "serious to fallback" }).GetByRole(AriaRole.Button, new() { Name = "Delete serious to fallback" }).ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "Delete notification rule serious to fallback?", "notification-rule-delete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete notification rule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notification rules", Level = 1 })).ToBeVisibleAsync();
        await Expect(rows.Filter(new() { HasText = "serious to fallback" })).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/notification-rules/{catchAll}")).StatusCode);

        await page.GetByRole(AriaRole.Link, new() { Name = "critical escalations to ops", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete notification rule critical escalations to ops?", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/notification-rules/{rule}")).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete critical escalations to ops" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete notification rule" }).ClickAsync();
        await Expect(page.GetByText("No notification rules yet")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/notification-rules/{rule}")).StatusCode);
    }

    private static async Task SimulateAsync(IPage page, string eventName, string severity)
    {
        await page.GetByLabel("Event", new() { Exact = true }).SelectOptionAsync(eventName);
        await page.GetByLabel("Severity", new() { Exact = true }).SelectOptionAsync(severity);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate", Exact = true }).ClickAsync();
        await Expect(page.Locator("#simulation-result h3")).ToHaveTextAsync($"{eventName} at {severity}");
    }

    private static async Task<long> CreateChannelAsync(Infrastructure.ApiClient owner, string name) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels", new
        {
            name, type = "webhook", config = new { url = $"https://hooks.example.com/{name.Replace(' ', '-')}" },
        })).GetProperty("id").GetInt64();
}
