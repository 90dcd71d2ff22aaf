using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// The template pages: the overview says where each template in effect comes from; the editor previews what is
/// typed for a sample alert as you type (debounced, htmx under the CSP), marks a template error at its line and
/// column in the preview, refuses to save it with the same error next to the field, saves a good one (the
/// organization's from then on) and reverts to the built-in one after confirming; without scripts the Preview
/// button does the same as a plain post.
/// </summary>
[Collection("browser")]
public sealed class NotificationTemplatePageTests(BrowserSystem system)
{
    [Fact]
    public async Task A_slack_template_is_previewed_as_typed_refused_with_its_position_saved_and_reverted()
    {
        using var owner = await system.OwnerAsync("templates-owner@example.com", "Templates Org");
        var page = await system.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            // The refused save is a 422 page, which the console reports too: only the CSP's and htmx's complaints count.
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("htmx", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await BrowserSystem.SignInAsync(page, "templates-owner@example.com");
        await BrowserSystem.NavigationLink(page, "Templates").ClickAsync();
        await Expect(page.Locator("#source-slack-new_alert")).ToContainTextAsync("built-in");
        await BrowserSystem.CheckPageAsync(page, "Notification templates", "notification-templates");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the Slack new_alert template" }).ClickAsync();
        var editor = page.GetByLabel("Template", new() { Exact = true });
        var preview = page.Locator("#preview");
        await Expect(editor).ToHaveValueAsync(new Regex(@"^\[\{\{\.Alert\.Severity \| upper\}\}\] "));
        await Expect(page.Locator("#template-source")).ToContainTextAsync("built-in");
        await Expect(page.Locator("#preview-text")).ToContainTextAsync("[HIGH] k8s prod: github.com/kubernetes/kubernetes is 2 behind");
        await BrowserSystem.CheckPageAsync(page, "Slack template: new_alert", "notification-template-edit");

        await editor.FillAsync("");
        await editor.PressSequentiallyAsync("Now {{.Alert.Severity | lower}} on {{.Alert.ConfigName}}");
        await Expect(page.Locator("#preview-text")).ToHaveTextAsync("Now high on k8s prod");
        await page.GetByLabel("Sample event").SelectOptionAsync("alert.escalated");
        await editor.FillAsync("{{.PreviousSeverity}} to {{.Alert.Severity}}");
        await Expect(page.Locator("#preview-text")).ToHaveTextAsync("moderate to high");

        await editor.FillAsync("ok\nSeverity: {{.Alert.Severty}}");
        await Expect(page.Locator("#preview-error")).ToHaveTextAsync("line 2, column 13: unknown field .Alert.Severty (did you mean .Alert.Severity?)");
        await Expect(page.Locator("#preview-error-mark")).ToContainTextAsync("2 | Severity: {{.Alert.Severty}}");
        await Expect(page.Locator("#preview-text")).ToHaveCountAsync(0);
        await BrowserSystem.AssertAccessibleAsync(page);

        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(),
            response => response.Url.Contains("handler=save", StringComparison.Ordinal));
        Assert.Equal(422, refused.Status);
        await Expect(page.Locator("#template-error")).ToHaveTextAsync("Line 2, column 13: unknown field .Alert.Severty (did you mean .Alert.Severity?).");
        await Expect(editor).ToHaveValueAsync("ok\nSeverity: {{.Alert.Severty}}");
        await Expect(editor).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#preview-error-mark")).ToContainTextAsync("Severity: {{.Alert.Severty}}");
        await Expect(page.GetByLabel("Sample event")).ToHaveValueAsync("alert.escalated");
        await BrowserSystem.CheckPageAsync(page, "Slack template: new_alert", "notification-template-refused");

        await editor.FillAsync("Acme {{.Alert.Severity | upper}}: {{.Alert.ConfigName}}\nSecond line");
        await Expect(page.Locator("#preview-text")).ToHaveTextAsync("Acme HIGH: k8s prod\nSecond line");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToBeVisibleAsync();
        await Expect(page.Locator("#template-source")).ToContainTextAsync("organization");
        await Expect(editor).ToHaveValueAsync("Acme {{.Alert.Severity | upper}}: {{.Alert.ConfigName}}\nSecond line");
        var stored = (await owner.OkAsync(HttpMethod.Get, "/api/v1/notification-templates")).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("channel_type").GetString() == "slack" && item.GetProperty("category").GetString() == "new_alert");
        Assert.Equal("Acme {{.Alert.Severity | upper}}: {{.Alert.ConfigName}}\nSecond line", stored.GetProperty("template").GetString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Notification templates" }).ClickAsync();
        await Expect(page.Locator("#source-slack-new_alert")).ToContainTextAsync("organization");
        await Expect(page.Locator("#source-slack-resolved")).ToContainTextAsync("built-in");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the Slack new_alert template" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revert to built-in…" }).ClickAsync();
        await Expect(page.GetByText("Remove this organization's Slack template")).ToBeVisibleAsync();
        await BrowserSystem.CheckPageAsync(page, "Slack template: new_alert", "notification-template-revert");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revert to built-in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reverted" })).ToBeVisibleAsync();
        await Expect(page.Locator("#template-source")).ToContainTextAsync("built-in");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Revert to built-in…" })).ToHaveCountAsync(0);
        await Expect(editor).ToHaveValueAsync(new Regex(@"^\[\{\{\.Alert\.Severity \| upper\}\}\] "));
        await page.GetByRole(AriaRole.Link, new() { Name = "Notification templates" }).ClickAsync();
        await Expect(page.Locator("#source-slack-new_alert")).ToContainTextAsync("built-in");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Without_scripts_the_preview_button_renders_the_typed_template_and_marks_its_error()
    {
        using var owner = await system.OwnerAsync("templates-noscript@example.com", "Templates Noscript Org");
        var context = await system.Browser.NewContextAsync(new() { BaseURL = system.Frontend.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await BrowserSystem.SignInAsync(page, "templates-noscript@example.com");
        await page.GotoAsync("/notification-templates/webhook/resolved");
        var editor = page.GetByLabel("Template", new() { Exact = true });
        await Expect(editor).ToHaveValueAsync("");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("\"event\":\"alert.resolved\"");

        await editor.FillAsync("{\"text\": \"{{.Alert.ConfigName}} resolved\", \"latest\": {{.Alert.LatestVersion | json}}}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#preview-body")).ToHaveTextAsync("{\"text\": \"k8s prod resolved\", \"latest\": \"1.29.4\"}");

        await editor.FillAsync("{\"text\": {{.Alert.ConfigName}}}");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync(),
            response => response.Url.Contains("handler=preview", StringComparison.Ordinal));
        Assert.Equal(422, refused.Status);
        await Expect(page.Locator("#preview-error")).ToContainTextAsync(new Regex(@"^line 1, column \d+: the output is not valid JSON"));
        await Expect(page.Locator("#preview-error-mark")).ToContainTextAsync("1 | {\"text\": {{.Alert.ConfigName}}}");
        await Expect(editor).ToHaveValueAsync("{\"text\": {{.Alert.ConfigName}}}");
        Assert.Equal(404, (await page.GotoAsync("/notification-templates/carrier-pigeon/new_alert"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/notification-templates/slack/no_such_category"))!.Status);
        await context.CloseAsync();
    }
}
