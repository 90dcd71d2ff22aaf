using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The daily path in the browser: sign up, approval, onboarding, the four things to set up through their forms, an
/// agent's run, the alert on the dashboard without a reload, acknowledged with a reason that shows in its history.
/// </summary>
[Collection("browser")]
public sealed class WholePathTests(BrowserSystem system)
{
    private const string Email = "whole-path@example.com";

    [Fact]
    public async Task From_sign_up_to_an_acknowledged_alert()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(BrowserSystem.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/pending-approval$"));
        await ApproveAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Path Ltd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Path Ltd", Level = 1 })).ToBeVisibleAsync();

        var gatherJob = await CreateGatherJobAsync(page);
        await CreateManualScrapeJobAsync(page);
        await CreateRuleAsync(page);
        await CreateAlertConfigAsync(page);

        using var owner = system.Client();
        await owner.SignInAsync(Email, BrowserSystem.Password);
        owner.OrganizationId = (await owner.OkAsync(HttpMethod.Get, "/api/v1/me")).GetProperty("current_organization_id").GetInt64();
        var (_, key) = await owner.CreateApiKeyAsync("path-agent");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "path-agent");

        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0", "3.0.0");
        var drift = page.GetByRole(AriaRole.Region, new() { Name = "Drift" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "web prod" });
        await Expect(drift).ToContainTextAsync("high", new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Open alerts" })).ToContainTextAsync("1 open");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the dashboard was reloaded");

        await page.GetByRole(AriaRole.Link, new() { Name = "high" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "web prod" }).ClickAsync();
        await page.GetByLabel("Reason").FillAsync("upgrade planned for Monday");
        await page.GetByLabel("Ticket").FillAsync("OPS-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(page.Locator("#alert-state")).ToContainTextAsync("active, acknowledged");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "OPS-42" })).ToContainTextAsync("reason: upgrade planned for Monday");
    }

    private async Task ApproveAsync()
    {
        using var admin = await system.AdminAsync();
        var pending = await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/users?status=pending");
        await system.ApproveAsync(pending.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == Email).GetProperty("id").GetInt64());
    }

    private static async Task<long> CreateGatherJobAsync(IPage page)
    {
        await page.GotoAsync("/gather-jobs/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("web framework");
        await page.GetByLabel("Artifact").FillAsync("github.com/acme/web");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create gather job" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/gather-jobs/\d+$"));
        return long.Parse(page.Url.Split('/')[^1]);
    }

    private static async Task CreateManualScrapeJobAsync(IPage page)
    {
        await page.GotoAsync("/scrape-jobs/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("web deployment");
        await page.GetByLabel("How the version is found").SelectOptionAsync("manual");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create scrape job" }).ClickAsync();
        await page.GetByLabel("Version", new() { Exact = true }).FillAsync("1.0.0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set version" }).ClickAsync();
        await Expect(page.Locator("#job-status")).ToContainTextAsync("Deployed version1.0.0");
    }

    private static async Task CreateRuleAsync(IPage page)
    {
        await page.GotoAsync("/monitoring-rules/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("majors");
        await page.GetByLabel("Moderate").FillAsync("3");
        await page.GetByLabel("High").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Expect(page.Locator("#high-error")).ToBeVisibleAsync();
        await page.GetByLabel("Moderate").FillAsync("1");
        await page.GetByLabel("Critical").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "majors", Exact = true })).ToBeVisibleAsync();
    }

    private static async Task CreateAlertConfigAsync(IPage page)
    {
        await page.GotoAsync("/alert-configs/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("web prod");
        await page.GetByLabel("Scrape job").SelectOptionAsync(new SelectOptionValue { Label = "web deployment" });
        await page.GetByLabel("Gather job").SelectOptionAsync(new SelectOptionValue { Label = "web framework" });
        await page.GetByLabel("Monitoring rule").SelectOptionAsync(new SelectOptionValue { Label = "majors" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create alert config" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "web prod" })).ToContainTextAsync("waiting for inputs");
    }
}
