using System.Net;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The Internal UI on the frontend's internal port (docs/ui.md, "Internal UI"): each page as the global admin uses it,
/// with axe and screenshots; refused to everybody else, and absent from the public port.
/// </summary>
[Collection("browser")]
public sealed class InternalUiPageTests(BrowserSystem system)
{
    [Fact]
    public async Task The_cluster_page_lists_the_running_silo_with_its_activations_and_links_the_dashboard()
    {
        var page = await system.OperatorPageAsync();
        await BrowserSystem.CheckPageAsync(page, "Cluster", "internal-cluster");
        var silo = page.Locator("tbody tr").Filter(new() { HasText = "Active" });
        await Expect(silo).ToHaveCountAsync(1);
        Assert.True(int.Parse(await silo.Locator("td").Nth(5).InnerTextAsync()) > 0, "an active silo has activations");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Database" })).ToContainTextAsync("reachable");

        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refusals.Add(message.Text);
            }
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "Orleans Dashboard" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard navigation" }).GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await BrowserSystem.ScreenshotAsync(page, "internal-dashboard");
        Assert.True(refusals.Count == 0, string.Join('\n', refusals));
    }

    private const string TemplateKey = "notification_template.telegram.new_alert";

    [Fact]
    public async Task Global_settings_are_set_with_the_grain_s_checks_and_cleared()
    {
        var page = await system.OperatorPageAsync();
        await BrowserSystem.InternalNavigationLink(page, "Global settings").ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "Global settings", "internal-settings");

        await page.GetByLabel("Key").FillAsync("maintenance_banner");
        await page.GetByLabel("Value").FillAsync("loud:not a level");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".field-error, .form-error").Filter(new() { HasText = "info, warn or critical" })).ToBeVisibleAsync();

        await page.GetByLabel("Key").FillAsync(TemplateKey);
        await page.GetByLabel("Value").FillAsync("Internal: {{.Alert.ConfigName}}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        var row = page.Locator("tbody tr").Filter(new() { HasText = TemplateKey });
        await Expect(row).ToContainTextAsync("Internal: {{.Alert.ConfigName}}");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Clear {TemplateKey}" }).ClickAsync();
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = TemplateKey })).ToHaveCountAsync(0);
        Assert.Equal(0L, await system.ScalarAsync<long>($"SELECT count(*) FROM settings WHERE organization_id = 0 AND key = '{TemplateKey}'"));
    }

    [Fact]
    public async Task A_server_agent_key_is_shown_once_works_and_is_revoked()
    {
        var page = await system.OperatorPageAsync();
        await BrowserSystem.InternalNavigationLink(page, "Server-agent keys").ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "Server-agent keys", "internal-server-agent-keys");

        await page.GetByLabel("Name").FillAsync("server agent eu-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var value = await page.Locator("#new-key").InnerTextAsync();
        Assert.StartsWith("pk_", value);
        var agent = ApiClient.WithKey(system.Frontend.BaseAddress, value, system.Frontend.InternalBaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/me")).StatusCode);

        var row = page.Locator("tbody tr").Filter(new() { HasText = "server agent eu-1" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke server agent eu-1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Revoked");
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = "server agent eu-1" })).ToContainTextAsync("revoked");
        await Expect(page.Locator("#new-key")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task An_early_access_request_is_invited_from_the_list_and_the_link_signs_up_an_approved_account()
    {
        var visitor = await system.NewPageAsync();
        await visitor.GotoAsync("/earlyaccess");
        await visitor.GetByLabel("Email").FillAsync("invited-from-ui@example.com");
        await visitor.GetByLabel("Name").FillAsync("Ada");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Ask for early access" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is on the list");

        var page = await system.OperatorPageAsync();
        await BrowserSystem.InternalNavigationLink(page, "Early access").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "new", Exact = true }).ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "Early-access requests", "internal-early-access");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite invited-from-ui@example.com" }).ClickAsync();
        var link = await page.Locator("[data-invitation-link]").InnerTextAsync();
        Assert.StartsWith(system.Frontend.BaseAddress.GetLeftPart(UriPartial.Authority) + "/signup?invite=", link);
        await Expect(page.Locator("tr[data-request='invited-from-ui@example.com']")).ToHaveCountAsync(0); // no longer new
        Assert.Equal("invited", await system.ScalarAsync<string>("SELECT status FROM earlyaccess.waitlist_requests WHERE email = 'invited-from-ui@example.com'"));

        var invitee = await system.NewPageAsync();
        await invitee.GotoAsync(link);
        await invitee.GetByLabel("Email").FillAsync("invited-from-ui@example.com");
        await invitee.GetByLabel("Password").FillAsync(BrowserSystem.Password);
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(invitee).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("pending-approval"));
        Assert.True(await system.ScalarAsync<bool>("SELECT is_approved FROM users WHERE email = 'invited-from-ui@example.com'"));

        await page.GotoAsync("/internal/early-access?status=invited");
        await Expect(page.Locator("tr[data-request='invited-from-ui@example.com']")).ToContainTextAsync("signed up");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Export every request as CSV" })).ToHaveAttributeAsync("href", "/api/v1/internal/early-access.csv");
    }

    [Fact]
    public async Task The_internal_ui_is_for_global_admins_on_the_internal_port_only()
    {
        using var owner = await system.OwnerAsync("not-an-operator@example.com", "Not Operators");
        var page = await system.NewInternalPageAsync();
        await BrowserSystem.SignInAsync(page, "not-an-operator@example.com");
        foreach (var path in new[] { "/internal/dashboard/", "/internal", "/internal/settings", "/internal/early-access", "/internal/server-agent-keys", "/internal/banner" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 403, $"{path} answered {response.Status} to a user who is not a global admin");
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var refused = await system.PostAsInternalPageAsync(page, "/internal/banner?handler=set", ("Level", "info"), ("Message", "not mine to set"));
        Assert.Equal(403, refused.Status);
        Assert.Equal(0L, await system.ScalarAsync<long>("SELECT count(*) FROM settings WHERE organization_id = 0 AND key = 'maintenance_banner' AND value LIKE '%not mine%'"));

        var operatorPage = await system.OperatorPageAsync();
        foreach (var path in new[] { "/internal", "/internal/banner", "/internal/dashboard/" })
        {
            var onPublicPort = await operatorPage.APIRequest.GetAsync(new Uri(system.Frontend.BaseAddress, path).ToString());
            Assert.Equal(404, onPublicPort.Status);
        }
    }
}
