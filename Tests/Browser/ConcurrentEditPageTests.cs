using System.Net;
using Microsoft.Playwright;
using Planekeeper.Tests.Integration.Alerts;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// Two people editing the same monitoring rule in two browsers (docs/ui.md, "Editing at the same time"): the first
/// save wins; the second is refused with the message above the form, keeps its input, and never overwrites.
/// </summary>
[Collection("browser")]
public sealed class ConcurrentEditPageTests(BrowserSystem system)
{
    [Fact]
    public async Task The_second_save_of_a_rule_opened_by_two_people_is_refused_and_the_first_change_stays()
    {
        using var owner = await system.OwnerAsync("both-editors-owner@example.com", "Concurrent Org");
        await system.MemberAsync(owner, "both-editors-admin@example.com", "admin");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        var first = await system.NewPageAsync();
        var second = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(first, "both-editors-owner@example.com");
        await BrowserSystem.SignInAsync(second, "both-editors-admin@example.com");
        await first.GotoAsync($"/monitoring-rules/{rule}/edit");
        await second.GotoAsync($"/monitoring-rules/{rule}/edit");

        await first.GetByLabel("Critical").FillAsync("5");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/monitoring-rules$"));

        await second.GetByLabel("Critical").FillAsync("9");
        var refused = await second.RunAndWaitForResponseAsync(
            () => second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(),
            response => response.Request.Method == "POST");
        Assert.Equal((int)HttpStatusCode.PreconditionFailed, refused.Status);
        var notice = second.GetByRole(AriaRole.Alert).Filter(new() { HasText = "changed by someone else since you opened it" });
        await Expect(notice).ToBeVisibleAsync();
        await Expect(second.GetByLabel("Critical")).ToHaveValueAsync("9");
        await BrowserSystem.CheckPageAsync(second, "Edit majors_behind rule", "monitoring-rule-edit-changed-meanwhile");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(notice).ToBeVisibleAsync();
        Assert.Equal(5, (await owner.OkAsync(HttpMethod.Get, $"/api/v1/monitoring-rules/{rule}")).GetProperty("critical").GetInt32());

        await notice.GetByRole(AriaRole.Link, new() { Name = "Load the current version" }).ClickAsync();
        await Expect(second.GetByLabel("Critical")).ToHaveValueAsync("5");
        await second.GetByLabel("High").FillAsync("4");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(second).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/monitoring-rules$"));
        var stored = await owner.OkAsync(HttpMethod.Get, $"/api/v1/monitoring-rules/{rule}");
        Assert.Equal((4, 5), (stored.GetProperty("high").GetInt32(), stored.GetProperty("critical").GetInt32()));
    }

    [Fact]
    public async Task A_rule_changed_since_its_delete_page_opened_is_not_deleted()
    {
        using var owner = await system.OwnerAsync("delete-changed@example.com", "Delete Changed Org");
        var rule = await owner.CreateRuleAsync("minors_behind", 1, 2, 3);
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "delete-changed@example.com");
        await page.GotoAsync($"/monitoring-rules/{rule}/delete");

        await owner.OkAsync(HttpMethod.Put, $"/api/v1/monitoring-rules/{rule}", new { name = "renamed meanwhile", rule_type = "minors_behind", moderate = 1, high = 2, critical = 3 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete monitoring rule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "so it was not deleted" })).ToBeVisibleAsync();
        Assert.Equal("renamed meanwhile", (await owner.OkAsync(HttpMethod.Get, $"/api/v1/monitoring-rules/{rule}")).GetProperty("name").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete monitoring rule" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/monitoring-rules$"));
        using var gone = await owner.GetAsync($"/api/v1/monitoring-rules/{rule}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
