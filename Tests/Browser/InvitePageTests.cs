using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The invite page: an owner makes an invite link a colleague opens to join; for a viewer the button is disabled
/// naming <c>invites:create</c>, and a POST made anyway is refused with the 403 page.
/// </summary>
[Collection("browser")]
public sealed class InvitePageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_invite_link_made_on_the_page_lets_the_colleague_join()
    {
        using var owner = await system.OwnerAsync("link-maker@example.com", "Linked Org");
        await system.ApprovedUserAsync("link-taker@example.com", BrowserSystem.Password);
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "link-maker@example.com");

        await page.GetByRole(AriaRole.Link, new() { Name = "Invite", Exact = true }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("link-taker@example.com");
        await page.GetByLabel("Role").SelectOptionAsync("viewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invite link" }).ClickAsync();
        var link = await page.GetByRole(AriaRole.Textbox, new() { Name = "Invite link" }).InputValueAsync();
        Assert.Matches("^" + Regex.Escape(system.Frontend.BaseAddress.GetLeftPart(UriPartial.Authority)) + "/join/[A-Za-z0-9_-]+$", link);
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, "invite-link");

        var colleague = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(colleague, "link-taker@example.com");
        await colleague.GotoAsync(link);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Accept and join" }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = "Linked Org", Level = 1 })).ToBeVisibleAsync();
        var members = await owner.OkAsync(HttpMethod.Get, "/api/v1/members");
        Assert.Contains(members.GetProperty("items").EnumerateArray(), m => m.GetProperty("email").GetString() == "link-taker@example.com");
    }

    [Fact]
    public async Task A_viewer_sees_the_button_disabled_naming_the_action_and_a_post_is_refused_anyway()
    {
        using var owner = await system.OwnerAsync("gate-owner@example.com", "Gated Org");
        await system.MemberAsync(owner, "gate-viewer@example.com", "viewer");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "gate-viewer@example.com");
        await page.GotoAsync("/invites/new");

        var button = page.GetByRole(AriaRole.Button, new() { Name = "Create invite link" });
        await Expect(button).ToBeDisabledAsync();
        await Expect(button).ToHaveAttributeAsync("title", "You lack the permission invites:create");
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, "invite-as-viewer");

        // The form as the page rendered it, submitted without the browser's help: refused by the route table.
        await page.EvaluateAsync("() => { document.querySelector('#email').value = 'smuggled@example.com'; document.querySelector('form.stacked').submit(); }");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("You lack the permission invites:create in Gated Org");
        var invites = await owner.OkAsync(HttpMethod.Get, "/api/v1/invites");
        Assert.DoesNotContain(invites.GetProperty("items").EnumerateArray(), i => i.GetProperty("email").GetString() == "smuggled@example.com");
    }
}
