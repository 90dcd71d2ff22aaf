using System.Net;
using Microsoft.Playwright;
using Planekeeper.Tests.Integration.Alerts;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// Two people editing the same monitoring rule in two browsers (docs/ui.md, "Editing at the same time"): the first
/// save wins; the second is refused with the message above the form, keeps its input, and never overwrites. The same
/// for two people changing one member's role or removing the member on the members page.
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

    [Fact]
    public async Task A_member_s_role_changed_by_someone_else_since_the_page_opened_is_left_alone()
    {
        using var owner = await system.OwnerAsync("members-race-owner@example.com", "Members Race Org");
        await system.MemberAsync(owner, "members-race-admin@example.com", "admin");
        var memberId = await system.MemberAsync(owner, "members-race-member@example.com", "member");
        var first = await system.NewPageAsync();
        var second = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(first, "members-race-admin@example.com");
        await BrowserSystem.SignInAsync(second, "members-race-owner@example.com");
        await first.GotoAsync("/members");
        await second.GotoAsync("/members");

        await ChangeRoleAsync(first, "members-race-member@example.com", "viewer");
        await Expect(MemberRow(first, "members-race-member@example.com").GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("viewer");

        var refused = await second.RunAndWaitForResponseAsync(
            () => ChangeRoleAsync(second, "members-race-member@example.com", "admin"),
            response => response.Request.Method == "POST");
        Assert.Equal((int)HttpStatusCode.PreconditionFailed, refused.Status);
        var notice = second.GetByRole(AriaRole.Alert).Filter(new() { HasText = "changed by someone else since you opened" });
        await Expect(notice).ToBeVisibleAsync();
        await Expect(MemberRow(second, "members-race-member@example.com").GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("viewer");
        await BrowserSystem.CheckPageAsync(second, "Members and invites", "members-changed-meanwhile");
        Assert.Equal("viewer", await RoleOfAsync(owner, memberId));

        await ChangeRoleAsync(first, "members-race-member@example.com", "member");
        await Expect(MemberRow(first, "members-race-member@example.com").GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("member");
        await MemberRow(second, "members-race-member@example.com").GetByRole(AriaRole.Button, new() { Name = "Remove members-race-member@example.com" }).ClickAsync();
        var notRemoved = await second.RunAndWaitForResponseAsync(
            () => second.GetByRole(AriaRole.Button, new() { Name = "Yes, remove members-race-member@example.com" }).ClickAsync(),
            response => response.Request.Method == "POST");
        Assert.Equal((int)HttpStatusCode.PreconditionFailed, notRemoved.Status);
        await Expect(notice).ToBeVisibleAsync();
        Assert.Equal("member", await RoleOfAsync(owner, memberId));

        await MemberRow(second, "members-race-member@example.com").GetByRole(AriaRole.Button, new() { Name = "Remove members-race-member@example.com" }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Yes, remove members-race-member@example.com" }).ClickAsync();
        await Expect(MemberRow(second, "members-race-member@example.com")).ToHaveCountAsync(0);
    }

    private static async Task ChangeRoleAsync(IPage page, string email, string role)
    {
        await page.GetByLabel($"New role of {email}").SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change role of {email}" }).ClickAsync();
    }

    private static ILocator MemberRow(IPage page, string email) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Members" }).GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    private static async Task<string> RoleOfAsync(Planekeeper.Tests.Infrastructure.ApiClient owner, long userId) =>
        string.Join(",", (await owner.OkAsync(HttpMethod.Get, $"/api/v1/members/{userId}")).GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
}
