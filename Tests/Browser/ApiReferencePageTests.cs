using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The API reference (<c>/api/docs</c>): Scalar's page over the public OpenAPI document, served whole by the
/// frontend (no CDN) and rendered under its own content security policy; the internal routes are not in it.
/// </summary>
[Collection("browser")]
public sealed class ApiReferencePageTests(BrowserSystem system)
{
    private static readonly HashSet<string> KnownScalarViolations = ["color-contrast", "html-has-lang"];

    [Fact]
    public async Task The_reference_renders_the_public_operations_from_this_server_alone()
    {
        var page = await system.NewPageAsync();
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(system.Frontend.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        var response = await page.GotoAsync("/api/docs");
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planekeeper API", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Notification rules").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Internal", new() { Exact = true })).ToHaveCountAsync(0);
        Assert.Empty(foreign);
        Assert.Empty(errors);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSystem.ScreenshotFolder, "api-reference.png"), FullPage = false });
        // Scalar's own page (third-party): its search placeholder and client tabs are low-contrast and its <html> has no
        // lang (docs/ui.md, "The API reference"). Those two are known and allowed; anything else axe finds fails.
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToHashSet();
        Assert.Subset(KnownScalarViolations, serious);
    }
}
