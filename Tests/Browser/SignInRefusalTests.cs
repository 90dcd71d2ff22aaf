using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The sign-in page says plainly when the account is locked or attempts are throttled, and for how long.</summary>
[Collection("browser")]
public sealed class SignInRefusalTests(BrowserSystem system)
{
    private static readonly Regex TryAgain = new(@"try again in (\d+) s\.$");

    private static async Task SubmitAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Submits the sign-in form and waits for the server's answer to it.</summary>
    private static Task<IResponse> PostAsync(IPage page, string email, string password) => page.RunAndWaitForResponseAsync(
        () => SubmitAsync(page, email, password),
        response => response.Request.Method == "POST" && response.Url.EndsWith("/login", StringComparison.Ordinal));

    [Fact]
    public async Task A_locked_account_is_said_plainly_with_the_seconds_to_wait()
    {
        await system.ApprovedUserAsync("locked-out@example.com", BrowserSystem.Password);
        var page = await system.NewPageAsync();
        await page.GotoAsync("/login");

        for (var attempt = 1; attempt < 5; attempt++)
        {
            var wrong = await PostAsync(page, "locked-out@example.com", $"wrong password number {attempt}");
            Assert.Equal(401, wrong.Status);
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        }

        // The fifth failure locks the account; the right password is then refused too, with the time left.
        Assert.Equal(429, (await PostAsync(page, "locked-out@example.com", "wrong password number 5")).Status);
        var response = await PostAsync(page, "locked-out@example.com", BrowserSystem.Password);

        Assert.Equal(429, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new Regex(@"^This account is locked after too many failed sign-ins; try again in \d+ s\.$"));
        var seconds = int.Parse(TryAgain.Match(await page.GetByRole(AriaRole.Alert).TextContentAsync() ?? "").Groups[1].Value);
        Assert.InRange(seconds, 1, 30);
        Assert.Equal(seconds.ToString(), await response.HeaderValueAsync("retry-after"));
    }

    [Fact]
    public async Task Throttled_attempts_are_said_plainly_with_the_seconds_to_wait()
    {
        var strict = await system.StartFrontendAsync(new Dictionary<string, string>
        {
            ["AUTO_APPROVE_USERS"] = "false",
            ["SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT"] = "2",
            ["SIGN_IN_WINDOW_SECONDS"] = "60",
        });
        var context = await system.Browser.NewContextAsync(new() { BaseURL = strict.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");

        Assert.Equal(401, (await PostAsync(page, "throttled@example.com", "first wrong password")).Status);
        Assert.Equal(401, (await PostAsync(page, "throttled@example.com", "second wrong password")).Status);
        var response = await PostAsync(page, "throttled@example.com", "third wrong password");

        Assert.Equal(429, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new Regex(@"^Too many sign-in attempts; try again in \d+ s\.$"));
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, "sign-in-throttled");
        await context.CloseAsync();
    }
}
