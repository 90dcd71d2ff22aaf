using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// Pages go through the same identity and route table as the API, with pages' answers: redirects to sign in,
/// the 403 page naming the missing action, the 404 page; forms need their antiforgery token; no page breaks the CSP.
/// </summary>
[Collection("browser")]
public sealed class PageDefenceTests(BrowserSystem system)
{
    [Fact]
    public async Task A_page_redirects_to_sign_in_while_the_api_answers_401_problem_details()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = system.Frontend.BaseAddress };

        using var page = await http.GetAsync("/?x=1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?returnUrl=%2F%3Fx%3D1", page.Headers.Location!.OriginalString);

        using var api = await http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_live_fragment_asked_for_without_a_session_sends_the_whole_page_to_sign_in()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = system.Frontend.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/?handler=overview");
        request.Headers.Add("HX-Request", "true");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2F", response.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task Sign_in_never_redirects_to_another_site()
    {
        await system.ApprovedUserAsync("no-open-redirect@example.com", BrowserSystem.Password);
        var page = await system.NewPageAsync();

        await page.GotoAsync("/login?returnUrl=" + Uri.EscapeDataString("//evil.example/steal"));
        await page.GetByLabel("Email").FillAsync("no-open-redirect@example.com");
        await page.GetByLabel("Password").FillAsync(BrowserSystem.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(system.Frontend.BaseAddress.ToString()) + "onboarding$"));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var owner = await system.OwnerAsync("forged-post@example.com", "Forged Post Org");
        var before = await owner.OkAsync(HttpMethod.Get, "/api/v1/organizations");

        // Signed in, from the right origin, but without the form's token: the session's form post is refused.
        using var signedIn = await owner.SendAsync(HttpMethod.Post, "/onboarding?handler=create", configure: request =>
            request.Content = new FormUrlEncodedContent([new("name", "Forged Org")]));
        Assert.Equal(HttpStatusCode.Forbidden, signedIn.StatusCode);
        Assert.Contains("antiforgery token", await signedIn.Content.ReadAsStringAsync());
        var after = await owner.OkAsync(HttpMethod.Get, "/api/v1/organizations");
        Assert.Equal(before.GetProperty("items").GetArrayLength(), after.GetProperty("items").GetArrayLength());

        // Not signed in: the sign-in form itself needs its token too.
        using var anonymous = system.Client();
        using var signIn = await anonymous.SendAsync(HttpMethod.Post, "/login", configure: request =>
            request.Content = new FormUrlEncodedContent([new("email", "forged-post@example.com"), new("password", BrowserSystem.Password)]));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.DoesNotContain(signIn.Headers, header => header.Key == "Set-Cookie" && header.Value.Any(v => v.StartsWith("planekeeper_session")));
    }

    [Fact]
    public async Task A_page_the_user_lacks_the_action_for_shows_403_naming_it()
    {
        using var owner = await system.OwnerAsync("denying-owner@example.com", "Denying Org");
        var memberId = await system.MemberAsync(owner, "denied-member@example.com", "viewer");
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", new
        {
            key = "no-overview",
            name = "No overview",
            policy = new { Statement = new[] { new { Effect = "Deny", Action = new[] { "organizations:read" }, Resource = "*" } } },
        });
        await owner.OkAsync(HttpMethod.Post, "/api/v1/roles/no-overview/assign", new { user_id = memberId });
        var page = await system.NewPageAsync();

        await BrowserSystem.SignInAsync(page, "denied-member@example.com");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("You lack the permission organizations:read in Denying Org");
        var response = await page.ReloadAsync();
        Assert.Equal(403, response!.Status);
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, "error-403");
    }

    [Fact]
    public async Task An_unknown_page_is_the_404_page_and_an_unknown_api_route_stays_problem_details()
    {
        var page = await system.NewPageAsync();

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await BrowserSystem.AssertAccessibleAsync(page);
        await BrowserSystem.ScreenshotAsync(page, "error-404");
        using var http = new HttpClient { BaseAddress = system.Frontend.BaseAddress };
        using var api = await http.GetAsync("/api/v1/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.NotEqual("text/html", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_keep_the_content_security_policy_and_htmx_runs_under_it()
    {
        using var owner = await system.OwnerAsync("csp-check@example.com", "CSP Org");
        var page = await system.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        var overviewRequests = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("?handler=overview", StringComparison.Ordinal))
            {
                overviewRequests++;
            }
        };

        await BrowserSystem.SignInAsync(page, "csp-check@example.com");
        var response = await page.GotoAsync("/");

        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
        await page.WaitForRequestFinishedAsync(new() { Predicate = request => request.Url.EndsWith("?handler=overview", StringComparison.Ordinal), Timeout = 20_000 });
        Assert.True(overviewRequests >= 1);
        Assert.Empty(violations);
    }
}
