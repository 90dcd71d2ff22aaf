using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// Every page of the UI, in the state a person meets it: axe finds no serious or critical violation in the light or
/// the dark scheme, and a screenshot of each is saved (light and dark) under <c>screenshots/</c> for review.
/// </summary>
[Collection("browser")]
public sealed class PageAccessibilityTests(BrowserSystem system)
{
    [Fact]
    public async Task The_pages_for_someone_not_signed_in_are_accessible()
    {
        var page = await system.NewPageAsync();

        await CheckAsync(page, "/login", "Sign in", "sign-in");
        await CheckAsync(page, "/signup", "Create an account", "sign-up");
        await CheckAsync(page, "/logout", "Sign out", "sign-out-not-signed-in");

        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync("nobody@example.com");
        await page.GetByLabel("Password").FillAsync("not a password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, "sign-in-wrong-password");
    }

    [Fact]
    public async Task The_pages_of_a_signed_in_user_are_accessible()
    {
        using (var waiting = system.Client())
        {
            await waiting.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/auth/signup", new { email = "a11y-waiting@example.com", password = BrowserSystem.Password });
        }

        var pending = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(pending, "a11y-waiting@example.com");
        await Expect(pending).ToHaveURLAsync(new Regex("/pending-approval$"));
        await CheckAsync(pending, "/pending-approval", "Waiting for approval", "pending-approval");

        using var owner = await system.OwnerAsync("a11y-owner@example.com", "Accessible Org");
        var invite = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "a11y-newcomer@example.com", role = "member" });
        await system.ApprovedUserAsync("a11y-newcomer@example.com", BrowserSystem.Password);
        var newcomer = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(newcomer, "a11y-newcomer@example.com");
        await Expect(newcomer).ToHaveURLAsync(new Regex("/onboarding$"));
        await CheckAsync(newcomer, "/onboarding", "Get started", "onboarding");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Join organization" }).ClickAsync();
        await Expect(newcomer.Locator("#invite-error")).ToBeVisibleAsync();
        await BrowserSystem.AssertAccessibleAsync(newcomer);
        await BrowserSystem.ScreenshotAsync(newcomer, "onboarding-invite-error");
        await CheckAsync(newcomer, $"/join/{invite.GetProperty("token").GetString()}", "Accept the invite", "join");
        await CheckAsync(newcomer, "/logout", "Sign out", "sign-out");

        var member = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(member, "a11y-owner@example.com");
        await CheckAsync(member, "/", "Accessible Org", "dashboard");
        await CheckAsync(member, "/onboarding", "New organization", "new-organization");
        await CheckAsync(member, "/members", "Members and invites", "members-and-invites");
    }

    private static async Task CheckAsync(IPage page, string path, string heading, string screenshot)
    {
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, screenshot);
    }
}
