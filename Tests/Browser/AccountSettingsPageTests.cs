using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The account page: organizations, password change (which ends the other sessions), ending sessions, signing out.</summary>
[Collection("browser")]
public sealed class AccountSettingsPageTests(BrowserSystem system)
{
    private const string Email = "account-page@example.com";
    private const string NewPassword = "an even longer password";

    [Fact]
    public async Task Changing_the_password_and_ending_sessions_sign_the_other_browser_out()
    {
        using (await system.OwnerAsync(Email, "Account Org"))
        {
        }

        var here = await system.NewPageAsync();
        var elsewhere = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(here, Email);
        await SignInElsewhereAsync(elsewhere, Email, BrowserSystem.Password);

        await here.GetByRole(AriaRole.Link, new() { Name = Email }).ClickAsync();
        await Expect(here.GetByRole(AriaRole.Region, new() { Name = "Your organizations" })).ToContainTextAsync("Account Org");
        var sessions = here.GetByRole(AriaRole.Region, new() { Name = "Your sessions" }).GetByRole(AriaRole.Row);
        await Expect(sessions.Filter(new() { HasText = "this browser" })).ToHaveCountAsync(1);
        await BrowserSystem.CheckPageAsync(here, "Your account", "account");

        await ChangePasswordAsync(here, "not the password", NewPassword);
        await Expect(here.Locator("#current_password-error")).ToContainTextAsync("The current password is wrong.");
        await ChangePasswordAsync(here, BrowserSystem.Password, "short");
        await Expect(here.Locator("#new_password-error")).ToBeVisibleAsync();
        await BrowserSystem.AssertAccessibleAsync(here);
        await ChangePasswordAsync(here, BrowserSystem.Password, NewPassword);
        await Expect(here.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed; every other session was ended.");
        await ExpectSignedOutAsync(elsewhere);

        await SignInElsewhereAsync(elsewhere, Email, NewPassword);
        await here.ReloadAsync();
        await here.GetByRole(AriaRole.Button, new() { Name = "End every other session" }).ClickAsync();
        await Expect(here.GetByRole(AriaRole.Status)).ToContainTextAsync("Every other session was ended");
        await ExpectSignedOutAsync(elsewhere);

        await here.GetByRole(AriaRole.Button, new() { Name = "Sign out of this session" }).ClickAsync();
        await Expect(here).ToHaveURLAsync(new Regex("/login\\?signedOut=true$"));
        await ExpectSignedOutAsync(here);
    }

    /// <summary>
    /// Signs the other browser in and leaves it on the account page, which does not poll: the dashboard it lands on
    /// refreshes every 5 s, and a refresh after the session ended sends it to sign in by itself, which would interrupt
    /// the navigation <see cref="ExpectSignedOutAsync"/> makes.
    /// </summary>
    private static async Task SignInElsewhereAsync(IPage page, string email, string password)
    {
        await BrowserSystem.SignInAsync(page, email, password);
        await page.GotoAsync("/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string next)
    {
        await page.GetByLabel("Current password").FillAsync(current);
        await page.GetByLabel("New password").FillAsync(next);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
    }

    private static async Task ExpectSignedOutAsync(IPage page)
    {
        await page.GotoAsync("/account");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Faccount$"));
    }
}
