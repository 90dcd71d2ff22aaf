using System.Net;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The monitoring rule and alert config pages: evaluate and toggle for an owner; disabled and refused for a viewer.</summary>
[Collection("browser")]
public sealed class RuleAndAlertConfigPageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_owner_evaluates_a_rule_and_switches_a_config_off()
    {
        using var owner = await system.OwnerAsync("rule-pages@example.com", "Rule Org");
        var (rule, config) = await ConfigAsync(owner, "rule-pages");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "rule-pages@example.com");

        await page.GotoAsync("/monitoring-rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate majors_behind rule" }).ClickAsync();
        var evaluated = page.GetByRole(AriaRole.Region, new() { Name = "Evaluated: majors_behind rule" });
        await Expect(evaluated.GetByRole(AriaRole.Row).Filter(new() { HasText = "api prod" })).ToContainTextAsync("unchanged");
        await BrowserSystem.CheckPageAsync(page, "Monitoring rules", "monitoring-rules");
        await page.GotoAsync($"/monitoring-rules/{rule}/edit");
        await Expect(page.GetByLabel("Critical")).ToHaveValueAsync("3");
        await BrowserSystem.CheckPageAsync(page, "Edit majors_behind rule", "monitoring-rule-edit");
        await page.GotoAsync("/monitoring-rules/new");
        await BrowserSystem.CheckPageAsync(page, "New monitoring rule", "monitoring-rule-new");

        await page.GotoAsync("/alert-configs");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "api prod" });
        await Expect(row).ToContainTextAsync("moderate alert");
        await BrowserSystem.CheckPageAsync(page, "Alert configs", "alert-configs");
        await row.GetByRole(AriaRole.Button, new() { Name = "Switch off api prod" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "api prod" })).ToContainTextAsync("off");
        Assert.False((await owner.OkAsync(HttpMethod.Get, $"/api/v1/alert-configs/{config}")).GetProperty("active").GetBoolean());
        await page.GotoAsync($"/alert-configs/{config}/edit");
        await Expect(page.GetByLabel("Monitoring rule")).ToHaveValueAsync(rule.ToString());
        await BrowserSystem.CheckPageAsync(page, "Edit api prod", "alert-config-edit");
        await page.GotoAsync("/alert-configs/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create alert config" }).ClickAsync();
        await Expect(page.Locator("#scrape_job_id-error")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "New alert config", "alert-config-new-invalid");
    }

    [Fact]
    public async Task A_viewer_sees_both_lists_with_the_controls_disabled_and_cannot_toggle_by_posting()
    {
        using var owner = await system.OwnerAsync("rule-owner@example.com", "Rule Viewed Org");
        var (rule, config) = await ConfigAsync(owner, "rule-viewer");
        await system.MemberAsync(owner, "rule-viewer@example.com", "viewer");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "rule-viewer@example.com");

        await page.GotoAsync("/monitoring-rules");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New rule" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch off majors_behind rule" })).ToBeDisabledAsync();
        await page.GotoAsync("/alert-configs");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch off api prod" })).ToBeDisabledAsync();
        await BrowserSystem.CheckPageAsync(page, "Alert configs", "alert-configs-viewer");

        foreach (var (path, action) in new[] { ($"/alert-configs?handler=toggle&id={config}", "alert-configs:toggle"), ($"/monitoring-rules?handler=toggle&id={rule}", "monitoring-rules:toggle") })
        {
            var posted = await system.PostAsPageAsync(page, path);
            Assert.Equal(403, posted.Status);
            Assert.Contains(action, await posted.TextAsync());
        }

        Assert.True((await owner.OkAsync(HttpMethod.Get, $"/api/v1/alert-configs/{config}")).GetProperty("active").GetBoolean());
        Assert.True((await owner.OkAsync(HttpMethod.Get, $"/api/v1/monitoring-rules/{rule}")).GetProperty("active").GetBoolean());
    }

    /// <summary>A rule and a config whose deployed version is one major behind (a moderate alert).</summary>
    private async Task<(long Rule, long Config)> ConfigAsync(ApiClient owner, string agentName)
    {
        var (_, key) = await owner.CreateApiKeyAsync(agentName);
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, agentName);
        var gatherJob = await owner.CreateGatherJobAsync("api framework");
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0");
        var scrapeJob = await owner.CreateManualScrapeJobAsync("api deployment");
        await owner.SetVersionAsync(scrapeJob, "1.0.0");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        return (rule, await owner.CreateConfigAsync("api prod", scrapeJob, gatherJob, rule));
    }
}
