using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The public early-access page: the form, its messages next to the fields, and the thank-you state.</summary>
[Collection("browser")]
public sealed class EarlyAccessPageTests(BrowserSystem system)
{
    [Fact]
    public async Task Anyone_can_ask_for_early_access_and_fields_are_checked()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/earlyaccess");
        await BrowserSystem.CheckPageAsync(page, "Early access", "early-access");

        // The honeypot is out of people's sight and out of the tab order.
        var honeypot = await page.Locator("div.visually-hidden:has(#website)").BoundingBoxAsync();
        Assert.True(honeypot is null || (honeypot.Width <= 1 && honeypot.Height <= 1), "the honeypot field is visible");
        Assert.Equal("-1", await page.Locator("#website").GetAttributeAsync("tabindex"));

        await page.GetByLabel("Email").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for early access" }).ClickAsync();
        await Expect(page.Locator("#email-error")).ToHaveTextAsync("Email must be a valid address.");
        await Expect(page.Locator("#name-error")).ToHaveTextAsync("Name is required.");
        await Expect(page.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserSystem.AssertAccessibleAsync(page);

        await page.GetByLabel("Email").FillAsync("browser-waitlist@example.com");
        await page.GetByLabel("Name").FillAsync("Grace");
        await page.GetByLabel("Company (optional)").FillAsync("Navy");
        await page.GetByLabel("What would you use it for? (optional)").FillAsync("Track Helm chart drift");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for early access" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is on the list");
        await BrowserSystem.CheckPageAsync(page, "Early access", "early-access-thanks");
        Assert.Equal(1L, await system.ScalarAsync<long>("SELECT count(*) FROM earlyaccess.waitlist_requests WHERE email = 'browser-waitlist@example.com'"));
    }
}
