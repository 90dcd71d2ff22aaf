using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Planekeeper.Tests.Integration.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The roles pages: a custom role with a Deny statement, written in the policy editor and assigned on its page, takes
/// effect on the member's next page load; Explain names the deny statement; unassigning gives the action back;
/// the role is deleted on its page once nobody holds it.
/// </summary>
[Collection("browser")]
public sealed class RolePageTests(BrowserSystem system)
{
    [Fact]
    public async Task A_deny_role_assigned_in_the_page_disables_the_control_refuses_the_post_and_is_explained()
    {
        using var owner = await system.OwnerAsync("roles-owner@example.com", "Roles Org");
        await system.MemberAsync(owner, "roles-member@example.com", "member");
        var job = await owner.CreateGatherJobAsync("etcd");
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "roles-owner@example.com");
        var member = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(member, "roles-member@example.com");
        await member.GotoAsync($"/gather-jobs/{job}");
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Run now" })).ToBeEnabledAsync();

        await BrowserSystem.NavigationLink(page, "Roles").ClickAsync();
        await BrowserSystem.CheckPageAsync(page, "Roles", "roles");
        await page.GetByRole(AriaRole.Button, new() { Name = "New role" }).ClickAsync();
        await page.GetByLabel("Key").FillAsync("no-runs");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("No runs");
        await page.GetByLabel("Policy (JSON)").FillAsync("""{"Statement": [{"Effect": "Maybe", "Action": ["gather-jobs:run"], "Resource": "*"}]}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create role" }).ClickAsync();
        await Expect(page.Locator("#policy-error")).ToContainTextAsync("Statement[0]");
        await BrowserSystem.CheckPageAsync(page, "New role", "role-new-invalid");
        await page.GetByLabel("Policy (JSON)").FillAsync("{}");
        await page.GetByLabel("Effect").SelectOptionAsync("Deny");
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync("gather-jobs:run");
        await Expect(page.Locator("#role-actions option[value='gather-jobs:run']")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add statement" }).ClickAsync();
        await Expect(page.GetByLabel("Policy (JSON)")).ToHaveValueAsync(new Regex("\"Effect\": \"Deny\",\\s*\"Action\": \\[\\s*\"gather-jobs:run\"\\s*\\]"));
        await Expect(page.GetByLabel("Key")).ToHaveValueAsync("no-runs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create role" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/roles/no-runs/edit\\?notice=saved$"));

        await page.GetByLabel("Member").SelectOptionAsync(new SelectOptionValue { Label = "roles-member@example.com" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Who holds it" })).ToContainTextAsync("roles-member@example.com");
        await BrowserSystem.CheckPageAsync(page, "Role: No runs", "role-edit");

        await member.ReloadAsync();
        var run = member.GetByRole(AriaRole.Button, new() { Name = "Run now" });
        await Expect(run).ToBeDisabledAsync();
        await Expect(run).ToHaveAttributeAsync("title", "You lack the permission gather-jobs:run");
        var posted = await system.PostAsPageAsync(member, $"/gather-jobs/{job}?handler=run");
        Assert.Equal(403, posted.Status);

        await page.GotoAsync("/permissions/explain");
        await page.GetByLabel("Member").SelectOptionAsync(new SelectOptionValue { Label = "roles-member@example.com" });
        await page.GetByLabel("Action").FillAsync("gather-jobs:run");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        var answer = page.Locator("#explanation");
        await Expect(answer).ToContainTextAsync("roles-member@example.com may not gather-jobs:run");
        await Expect(answer).ToContainTextAsync("Decided by: deny statement");
        await Expect(answer.GetByRole(AriaRole.Row).Filter(new() { HasText = "no-runs" })).ToContainTextAsync("Deny");
        await BrowserSystem.CheckPageAsync(page, "Explain a permission", "explain");

        await page.GotoAsync("/roles/no-runs/edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete role" }).ClickAsync();
        await Expect(page.Locator("#delete-error")).ToContainTextAsync("still assigned");
        await BrowserSystem.CheckPageAsync(page, "Role: No runs", "role-delete-refused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unassign roles-member@example.com" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Unassigned.");
        await member.ReloadAsync();
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Run now" })).ToBeEnabledAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete role" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/roles\\?notice=deleted$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The role was deleted.");
        await Expect(page.GetByText("No custom roles yet")).ToBeVisibleAsync();
    }
}
