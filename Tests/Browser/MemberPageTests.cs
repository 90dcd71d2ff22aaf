using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The members page: an owner invites on the page and the invitee signs up from the link in another browser and joins
/// with the invited role; roles change, members go, invites are revoked, the last owner stays; a viewer sees every
/// control disabled and is refused when posting anyway.
/// </summary>
[Collection("browser")]
public sealed class MemberPageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_invitee_signs_up_from_the_copied_link_and_lands_in_the_organization_with_the_invited_role()
    {
        using var owner = await system.OwnerAsync("team-owner@example.com", "Team Org");
        var page = await system.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await BrowserSystem.SignInAsync(page, "team-owner@example.com");
        await BrowserSystem.NavigationLink(page, "Members").ClickAsync();
        await Expect(page.GetByText("No invites yet")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Members and invites", "members");

        var link = await InviteAsync(page, "team-newcomer@example.com", "viewer");
        Assert.Matches("^" + Regex.Escape(system.Frontend.BaseAddress.GetLeftPart(UriPartial.Authority)) + "/join/[A-Za-z0-9_-]+$", link);
        await Expect(InviteRow(page, "team-newcomer@example.com")).ToContainTextAsync("pending");
        await BrowserSystem.CheckPageAsync(page, "Members and invites", "members-invite-link");

        var newcomer = await system.NewPageAsync();
        await newcomer.GotoAsync(link);
        await Expect(newcomer).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Fjoin%2F"));
        await newcomer.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign up" }).ClickAsync();
        await newcomer.GetByLabel("Email").FillAsync("team-newcomer@example.com");
        await newcomer.GetByLabel("Password").FillAsync(BrowserSystem.Password);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Waiting for approval" })).ToBeVisibleAsync();
        await system.ApproveAsync("team-newcomer@example.com");
        await newcomer.GetByRole(AriaRole.Link, new() { Name = "check again" }).ClickAsync();
        await Expect(newcomer).ToHaveURLAsync(link);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Accept and join" }).ClickAsync();
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Team Org", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/members");
        await Expect(MemberRow(page, "team-newcomer@example.com").GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("viewer");
        await Expect(InviteRow(page, "team-newcomer@example.com")).ToContainTextAsync("accepted");
        await Expect(InviteRow(page, "team-newcomer@example.com").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Roles_change_members_go_and_invites_are_revoked_on_the_page_but_the_last_owner_stays()
    {
        using var owner = await system.OwnerAsync("staff-owner@example.com", "Staff Org");
        await system.MemberAsync(owner, "staff-promoted@example.com", "member");
        await system.MemberAsync(owner, "staff-leaver@example.com", "member");
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "staff-pending@example.com", role = "member" });
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "staff-owner@example.com");
        await page.GotoAsync("/members");

        await ChangeRoleAsync(page, "staff-promoted@example.com", "admin");
        await Expect(MemberRow(page, "staff-promoted@example.com").GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("admin");

        var refused = await page.RunAndWaitForResponseAsync(() => ChangeRoleAsync(page, "staff-owner@example.com", "viewer"), response => response.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        await Expect(page.Locator("#form-error")).ToHaveTextAsync("The organization must keep at least one owner.");
        await Expect(page.GetByText("An organization always keeps at least one owner")).ToBeVisibleAsync();
        await Expect(MemberRow(page, "staff-owner@example.com").GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("owner");
        await BrowserSystem.CheckPageAsync(page, "Members and invites", "members-last-owner");

        await MemberRow(page, "staff-leaver@example.com").GetByRole(AriaRole.Button, new() { Name = "Remove staff-leaver@example.com" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Remove staff-leaver@example.com?" })).ToBeVisibleAsync();
        await Expect(page.GetByText("every API key they are behind is deactivated for good")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Members and invites", "members-remove");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove staff-leaver@example.com" }).ClickAsync();
        await Expect(MemberRow(page, "staff-leaver@example.com")).ToHaveCountAsync(0);

        await InviteRow(page, "staff-pending@example.com").GetByRole(AriaRole.Button, new() { Name = "Revoke the invite for staff-pending@example.com" }).ClickAsync();
        await Expect(InviteRow(page, "staff-pending@example.com")).ToContainTextAsync("revoked");

        var members = await MembersAsync(owner);
        Assert.Equal(["admin"], members["staff-promoted@example.com"]);
        Assert.Equal(["owner"], members["staff-owner@example.com"]);
        Assert.False(members.ContainsKey("staff-leaver@example.com"));
    }

    [Fact]
    public async Task A_viewer_sees_the_controls_disabled_naming_the_action_and_posts_are_refused_anyway()
    {
        using var owner = await system.OwnerAsync("crew-owner@example.com", "Crew Org");
        await system.MemberAsync(owner, "crew-viewer@example.com", "viewer");
        var invite = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "crew-pending@example.com", role = "member" });
        var ownerId = (await owner.OkAsync(HttpMethod.Get, "/api/v1/members")).GetProperty("items").EnumerateArray()
            .Single(member => member.GetProperty("email").GetString() == "crew-owner@example.com").GetProperty("user_id").GetInt64();
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "crew-viewer@example.com");
        await BrowserSystem.NavigationLink(page, "Members").ClickAsync();

        await ExpectDisabledAsync(page.GetByRole(AriaRole.Button, new() { Name = "Change role of crew-owner@example.com" }), "members:update");
        await ExpectDisabledAsync(page.GetByLabel("New role of crew-owner@example.com"), "members:update");
        await ExpectDisabledAsync(page.GetByRole(AriaRole.Button, new() { Name = "Remove crew-owner@example.com" }), "members:remove");
        await ExpectDisabledAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create invite link" }), "invites:create");
        await ExpectDisabledAsync(page.GetByRole(AriaRole.Button, new() { Name = "Revoke the invite for crew-pending@example.com" }), "invites:revoke");
        await BrowserSystem.CheckPageAsync(page, "Members and invites", "members-as-viewer");

        await ExpectRefusedAsync(page, $"/members?handler=role&id={ownerId}", "members:update", ("role", "viewer"));
        await ExpectRefusedAsync(page, $"/members?handler=remove&id={ownerId}", "members:remove");
        await ExpectRefusedAsync(page, "/members?handler=invite", "invites:create", ("email", "smuggled@example.com"), ("role", "viewer"));
        await ExpectRefusedAsync(page, $"/members?handler=revoke&id={invite.GetProperty("id").GetInt64()}", "invites:revoke");

        Assert.Equal(["owner"], (await MembersAsync(owner))["crew-owner@example.com"]);
        var invites = (await owner.OkAsync(HttpMethod.Get, "/api/v1/invites")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("pending", invites.Single(i => i.GetProperty("email").GetString() == "crew-pending@example.com").GetProperty("status").GetString());
        Assert.DoesNotContain(invites, i => i.GetProperty("email").GetString() == "smuggled@example.com");
    }

    /// <summary>Creates an invite on the page and returns its link as the <em>Copy link</em> button put it on the clipboard.</summary>
    private static async Task<string> InviteAsync(IPage page, string email, string role)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(role);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create invite link" }).ClickAsync(), response => response.Request.Method == "POST");
        Assert.Contains("no-store", answer.Headers["cache-control"]);
        await Expect(page.GetByText("it is not shown again")).ToBeVisibleAsync();
        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy link" });
        await copy.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal((await page.Locator("#invite-link").TextContentAsync())!.Trim(), copied);
        return copied;
    }

    private static async Task ChangeRoleAsync(IPage page, string email, string role)
    {
        await page.GetByLabel($"New role of {email}").SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change role of {email}" }).ClickAsync();
    }

    private static ILocator MemberRow(IPage page, string email) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Members" }).GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    private static ILocator InviteRow(IPage page, string email) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Invites" }).GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    private static async Task ExpectDisabledAsync(ILocator control, string action)
    {
        await Expect(control).ToBeDisabledAsync();
        await Expect(control).ToHaveAttributeAsync("title", $"You lack the permission {action}");
    }

    private async Task ExpectRefusedAsync(IPage page, string path, string action, params (string Name, string Value)[] fields)
    {
        var posted = await system.PostAsPageAsync(page, path, fields);
        Assert.Equal(403, posted.Status);
        Assert.Contains(action, await posted.TextAsync());
    }

    private static async Task<Dictionary<string, string[]>> MembersAsync(ApiClient owner) =>
        (await owner.OkAsync(HttpMethod.Get, "/api/v1/members")).GetProperty("items").EnumerateArray().ToDictionary(
            member => member.GetProperty("email").GetString()!,
            member => member.GetProperty("roles").EnumerateArray().Select(role => role.GetString()!).ToArray());
}
