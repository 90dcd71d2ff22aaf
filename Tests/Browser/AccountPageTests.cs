using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>Sign-up, approval, sign-in, onboarding and sign-out in a real browser against the real processes.</summary>
[Collection("browser")]
public sealed class AccountPageTests(BrowserSystem system)
{
    [Fact]
    public async Task Sign_up_wait_for_approval_sign_in_create_an_organization_and_land_on_the_dashboard()
    {
        const string email = "first-visit@example.com";
        var page = await system.NewPageAsync();

        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BrowserSystem.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/pending-approval$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waiting for approval" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?signedOut=true$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out.");

        using var admin = await system.AdminAsync();
        var pending = await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/users?status=pending");
        var userId = pending.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetInt64();
        await system.ApproveAsync(userId);

        await BrowserSystem.SignInAsync(page, email);
        await Expect(page).ToHaveURLAsync(new Regex("/onboarding$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get started" })).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("First Visit Ltd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(system.Frontend.BaseAddress.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "First Visit Ltd", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#overview")).ToContainTextAsync("No open alerts");
        await Expect(page.Locator("#overview")).ToContainTextAsync("No jobs yet");
    }

    [Fact]
    public async Task A_wrong_password_is_shown_on_the_sign_in_page()
    {
        await system.ApprovedUserAsync("wrong-password@example.com", BrowserSystem.Password);
        var page = await system.NewPageAsync();

        await BrowserSystem.SignInAsync(page, "wrong-password@example.com", "not the password at all");

        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync("wrong-password@example.com");
    }

    [Fact]
    public async Task An_empty_organization_name_is_refused_next_to_the_field_with_the_api_message()
    {
        await system.ApprovedUserAsync("empty-name@example.com", BrowserSystem.Password);
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "empty-name@example.com");
        await Expect(page).ToHaveURLAsync(new Regex("/onboarding$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();

        using var api = system.Client();
        await api.SignInAsync("empty-name@example.com", BrowserSystem.Password);
        var problem = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/organizations", new { name = "" });
        var message = problem.GetProperty("errors").GetProperty("name")[0].GetString()!;
        await Expect(page.Locator("#name-error")).ToContainTextAsync(message[1..]);
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task After_signing_out_a_page_sends_to_sign_in_and_comes_back_after_it()
    {
        using var owner = await system.OwnerAsync("signs-out@example.com", "Signs Out Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "signs-out@example.com");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signs Out Org", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?signedOut=true$"));

        await page.GotoAsync("/onboarding");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Fonboarding$"));
        await page.GetByLabel("Email").FillAsync("signs-out@example.com");
        await page.GetByLabel("Password").FillAsync(BrowserSystem.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/onboarding$"));
    }

    [Fact]
    public async Task An_invite_link_opened_before_signing_in_joins_the_organization_after_it()
    {
        using var owner = await system.OwnerAsync("inviter@example.com", "Inviting Org");
        var invite = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "invitee@example.com", role = "viewer" });
        await system.ApprovedUserAsync("invitee@example.com", BrowserSystem.Password);
        var page = await system.NewPageAsync();

        await page.GotoAsync($"/join/{invite.GetProperty("token").GetString()}");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Fjoin%2F"));
        await page.GetByLabel("Email").FillAsync("invitee@example.com");
        await page.GetByLabel("Password").FillAsync(BrowserSystem.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("You were invited to join Inviting Org as viewer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and join" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inviting Org", Level = 1 })).ToBeVisibleAsync();
        await page.GoBackAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("This invite to Inviting Org was already accepted");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept and join" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_invite_link_says_what_is_wrong_with_it_and_offers_no_accept_button()
    {
        using var owner = await system.OwnerAsync("link-owner@example.com", "Link Org");
        var forOther = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "someone-else@example.com", role = "member" });
        var revoked = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "link-opener@example.com", role = "member" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/api/v1/invites/{revoked.GetProperty("id").GetInt64()}");
        await system.ApprovedUserAsync("link-opener@example.com", BrowserSystem.Password);
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "link-opener@example.com");

        await page.GotoAsync($"/join/{forOther.GetProperty("token").GetString()}");
        await Expect(page.Locator("main")).ToContainTextAsync("This invite to Link Org was made for another email address than link-opener@example.com");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("someone-else@example.com");
        await page.GotoAsync($"/join/{revoked.GetProperty("token").GetString()}");
        await Expect(page.Locator("main")).ToContainTextAsync("This invite to Link Org was revoked.");
        await page.GotoAsync("/join/not-a-real-token");
        await Expect(page.Locator("main")).ToContainTextAsync("This invite link matches no invite.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept and join" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Sign_in_onboarding_and_sign_out_work_with_the_keyboard_alone_and_focus_is_visible()
    {
        var keyboard = Hands.Keyboard;
        await system.ApprovedUserAsync("keyboard@example.com", BrowserSystem.Password);
        var page = await system.NewPageAsync();
        await page.GotoAsync("/login");

        await keyboard.FillAsync(page.GetByLabel("Email"), "keyboard@example.com");
        await keyboard.FillAsync(page.GetByLabel("Password"), BrowserSystem.Password);
        await keyboard.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/onboarding$"));

        await keyboard.FillAsync(page.GetByLabel("Name", new() { Exact = true }), "Keyboard Org");
        await keyboard.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create organization" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keyboard Org", Level = 1 })).ToBeVisibleAsync();

        await keyboard.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?signedOut=true$"));
    }
}
