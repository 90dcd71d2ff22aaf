using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>The audit log page: an owner filters by kind and by member; a member has no audit log; the API's filters say what is wrong.</summary>
[Collection("browser")]
public sealed class AuditLogPageTests(BrowserSystem system)
{
    [Fact]
    public async Task An_owner_filters_the_audit_log_by_kind_and_by_member_and_a_member_may_not_see_it()
    {
        using var owner = await system.OwnerAsync("audit-owner@example.com", "Audit Org");
        var memberId = await system.MemberAsync(owner, "audit-member@example.com", "member");
        await owner.CreateApiKeyAsync("audited key");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "audit-owner@example.com");

        await BrowserSystem.NavigationLink(page, "Audit log").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "api_key.created" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "invite.created" })).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Audit log", "audit-log");

        await page.GetByLabel("Kind").SelectOptionAsync("api_key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var actions = await page.Locator("tbody tr td:nth-child(3)").AllTextContentsAsync();
        Assert.NotEmpty(actions);
        Assert.All(actions, action => Assert.StartsWith("api_key.", action));

        await page.GetByLabel("Kind").SelectOptionAsync("");
        await page.GetByLabel("Member").SelectOptionAsync(new SelectOptionValue { Label = "audit-member@example.com" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var rows = await page.Locator("tbody tr").AllTextContentsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("audit-member@example.com", row));
        Assert.Contains(rows, row => row.Contains("auth.sign_in"));

        var member = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(member, "audit-member@example.com");
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Audit Org", Level = 1 })).ToBeVisibleAsync();
        await Expect(member.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        Assert.Equal(403, (await member.GotoAsync("/audit-log"))!.Status);

        var invalid = await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "/api/v1/audit-log?kind=nonsense");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("kind", out _));
        var mine = await owner.OkAsync(HttpMethod.Get, $"/api/v1/audit-log?user_id={memberId}");
        Assert.All(mine.GetProperty("items").EnumerateArray(), entry =>
            Assert.True(entry.GetProperty("actor").GetString() == $"user:{memberId}" || entry.GetProperty("target").GetString() == $"user:{memberId}"));
    }
}
