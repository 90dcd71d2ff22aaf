using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The API keys page: a key made in the browser is shown once and works; switched off it stops working; a member may not.</summary>
[Collection("browser")]
public sealed class ApiKeyPageTests(BrowserSystem system)
{
    [Fact]
    public async Task A_key_created_in_the_page_is_shown_once_works_on_health_and_stops_when_switched_off()
    {
        using var owner = await system.OwnerAsync("keys-owner@example.com", "Keys Org");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "keys-owner@example.com");
        await BrowserSystem.NavigationLink(page, "API keys").ClickAsync();
        await Expect(page.GetByText("No API keys yet")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "API keys", "api-keys-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create API key" }).ClickAsync();
        await Expect(page.Locator("#name-error")).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync("ci pipeline");
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create API key" }).ClickAsync(), response => response.Request.Method == "POST");
        Assert.Contains("no-store", answer.Headers["cache-control"]);
        var key = (await page.Locator("#new-key").TextContentAsync())!.Trim();
        Assert.StartsWith("pk_", key);
        await Expect(page.GetByText("it is not shown again")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy key" })).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "API keys", "api-keys-created");

        Assert.True(await KeyIsValidAsync(key));

        await page.GotoAsync("/api-keys");
        Assert.DoesNotContain(key, await page.ContentAsync());
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ci pipeline" });
        await Expect(row).ToContainTextAsync("keys-owner@example.com");
        await Expect(row).ToContainTextAsync("member");
        await row.GetByRole(AriaRole.Button, new() { Name = "Switch off ci pipeline" }).ClickAsync();
        await Expect(row).ToContainTextAsync("off");
        Assert.False(await KeyIsValidAsync(key));
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate ci pipeline for good" }).ClickAsync();
        await Expect(row).ToContainTextAsync("deactivated");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_member_sees_no_keys_page_and_cannot_create_one_even_by_posting()
    {
        using var owner = await system.OwnerAsync("keys-gate-owner@example.com", "Keys Gate Org");
        await system.MemberAsync(owner, "keys-gate-member@example.com", "member");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "keys-gate-member@example.com");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keys Gate Org", Level = 1 })).ToBeVisibleAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/api-keys");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("api-keys:list");
        var posted = await system.PostAsPageAsync(page, "/api-keys", ("name", "sneaky"), ("roles", "member"));
        Assert.Equal(403, posted.Status);
        Assert.Empty((await owner.OkAsync(HttpMethod.Get, "/api/v1/api-keys")).GetProperty("items").EnumerateArray());
    }

    /// <summary>What <c>GET /health</c> says of the key (docs/api.md: always 200, <c>api_key.valid</c> true or false).</summary>
    private async Task<bool> KeyIsValidAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = system.Frontend.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-API-Key", key);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("api_key").GetProperty("valid").GetBoolean();
    }
}
