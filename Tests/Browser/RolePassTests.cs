using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Planekeeper.Tests.Browser;

/// <summary>
/// Every page of the daily path (and the account, members, agents, API keys, audit log, settings, roles, explain, channel, notification rule, template and delivery pages) opened by a member and by a viewer of an organization that has one of everything:
/// no server error, axe finds nothing serious (on the viewer's pages, where the most controls are disabled; each page's
/// own test runs axe on the owner's), every control for an action the role lacks is disabled naming that
/// action (and only those), and posting each disabled form directly is refused without changing anything.
/// </summary>
[Collection("browser")]
public sealed class RolePassTests(BrowserSystem system)
{
    /// <summary>The actions the pages' controls ask for, in the state seeded below (nothing acknowledged yet).</summary>
    private static readonly string[] PageActions =
    [
        "gather-jobs:create", "gather-jobs:run", "gather-jobs:update", "gather-jobs:delete", "releases:delete",
        "scrape-jobs:create", "scrape-jobs:run", "scrape-jobs:set-version", "scrape-jobs:update", "scrape-jobs:delete",
        "helm-sync-jobs:create", "helm-sync-jobs:run", "helm-sync-jobs:update", "helm-sync-jobs:delete",
        "monitoring-rules:create", "monitoring-rules:toggle", "monitoring-rules:evaluate", "monitoring-rules:update", "monitoring-rules:delete",
        "alert-configs:create", "alert-configs:toggle", "alert-configs:update", "alert-configs:delete",
        "alerts:acknowledge", "alerts:resolve", "members:update", "members:remove", "invites:create", "invites:revoke",
        "settings:update", "roles:create", "roles:assign",
        "notification-channels:create", "notification-channels:test", "notification-channels:toggle", "notification-channels:update",
        "notification-channels:delete", "notification-templates:update", "notification-templates:delete", "notification-templates:preview",
        "notification-rules:create", "notification-rules:toggle", "notification-rules:simulate", "notification-rules:update", "notification-rules:delete",
    ];

    private const string SeededTemplate = "Pass: {{.Alert.Severity | upper}} {{.Alert.ConfigName}}";

    [Theory]
    [InlineData("member")]
    [InlineData("viewer")]
    public async Task Every_page_opens_with_what_the_role_lacks_disabled_and_refused_when_posted(string role)
    {
        using var owner = await system.OwnerAsync($"{role}-pass-owner@example.com", $"Pass {role}");
        var seeded = await SeedAsync(owner, role);
        await system.MemberAsync(owner, $"{role}-pass@example.com", role);
        var page = await system.NewPageAsync();
        await BrowserSystem.SignInAsync(page, $"{role}-pass@example.com");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Pass {role}", Level = 1 })).ToBeVisibleAsync();
        var held = (await EffectiveActionsAsync(page)).ToHashSet();
        var lacks = PageActions.Except(held).ToHashSet();

        var gated = new List<GatedControl>();
        foreach (var path in seeded.Pages())
        {
            gated.AddRange(await OpenAsync(page, path, role, held, lacks));
        }

        Assert.Equal(lacks.Order(), gated.Select(control => control.Missing).Distinct().Order());
        foreach (var control in gated.Where(control => control.Method == "post").DistinctBy(control => control.Url))
        {
            var posted = await system.PostAsPageAsync(page, control.Url, control.Fields.Select(field => (field[0], field[1])).ToArray());
            Assert.True(posted.Status == 403, $"{role} posting {control.Url} got {posted.Status}");
            Assert.Contains(control.Missing, await posted.TextAsync());
        }

        await AssertUnchangedAsync(owner, seeded, role);
    }

    private static async Task<IReadOnlyList<GatedControl>> OpenAsync(
        IPage page, string path, string role, IReadOnlySet<string> held, IReadOnlySet<string> lacks)
    {
        var response = await page.GotoAsync(path);
        var refused = NeededToOpen(path) is { } needed && !held.Contains(needed);
        Assert.True(response!.Status == (refused ? 403 : 200), $"{role} opening {path} got {response.Status}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        if (role == "viewer")
        {
            await BrowserSystem.AssertAccessibleAsync(page);
        }

        var gated = await GatedControlsAsync(page);
        Assert.All(gated, control => Assert.True(lacks.Contains(control.Missing), $"{path} disables {control.Missing}, which a {role} holds"));
        Assert.All(gated, control => Assert.Equal($"You lack the permission {control.Missing}", control.Title));
        return gated;
    }

    /// <summary>The action a page needs beyond reading (docs/ui.md's table); a role without it gets the 403 page.</summary>
    private static string? NeededToOpen(string path) => path switch
    {
        "/api-keys" => "api-keys:list",
        "/audit-log" => "audit-log:list",
        "/permissions/explain" => "permissions:explain",
        "/roles/new" => "roles:create",
        _ when path.EndsWith("/new", StringComparison.Ordinal) => path.Split('/')[1] + ":create",
        _ => null,
    };

    /// <summary>The disabled controls with the form each would submit: method, URL (its handler included) and fields.</summary>
    private static async Task<IReadOnlyList<GatedControl>> GatedControlsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('[data-missing-action]')].map(control => {
                const form = control.form;
                const url = form ? new URL(control.getAttribute('formaction') || form.action, document.baseURI) : null;
                return {
                    missing: control.dataset.missingAction,
                    title: control.title,
                    method: form ? form.method : 'none',
                    url: url ? url.pathname + url.search : '',
                    fields: form ? [...new FormData(form)].filter(([name]) => name !== '__RequestVerificationToken').map(([name, value]) => [name, String(value)]) : [],
                };
            })
            """);
        return json.Deserialize<List<GatedControl>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static async Task<IReadOnlyList<string>> EffectiveActionsAsync(IPage page)
    {
        var me = await page.APIRequest.GetAsync("/api/v1/me");
        var body = await me.JsonAsync();
        return body!.Value.GetProperty("actions").EnumerateArray().Select(action => action.GetString()!).ToList();
    }

    /// <summary>One of everything: releases, a manual and a repository scrape job, a helm sync job, a rule, a config and its alert, a channel, a notification rule, the organization's Slack template, a pending invite.</summary>
    private async Task<Seeded> SeedAsync(ApiClient owner, string role)
    {
        var (_, key) = await owner.CreateApiKeyAsync($"{role}-pass-agent");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, $"{role}-pass-agent");
        var gatherJob = await owner.CreateGatherJobAsync("api framework");
        await agent.GatherAsync(owner, gatherJob, "1.0.0", "2.0.0");
        var manualJob = await owner.CreateManualScrapeJobAsync("api deployment");
        await owner.SetVersionAsync(manualJob, "1.0.0");
        var repositoryJob = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "web chart", repository_url = "https://git.example.com/acme/infra.git", target_file = "charts/web/Chart.yaml",
            parse_type = "yq", parse_expression = ".appVersion",
        })).GetProperty("id").GetInt64();
        var helmSyncJob = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/helm-sync-jobs", new
        {
            name = "bitnami", repository_url = "https://charts.example.com/bitnami",
        })).GetProperty("id").GetInt64();
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        var config = await owner.CreateConfigAsync("api prod", manualJob, gatherJob, rule);
        var alert = (await owner.OkAsync(HttpMethod.Get, "/api/v1/alerts")).GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64();
        var channel = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels", new
        {
            name = "ops hook", type = "webhook", config = new { url = "https://hooks.example.com/ops" },
        })).GetProperty("id").GetInt64();
        var notificationRule = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-rules", new
        {
            name = "critical to ops", priority = 10, event_types = new[] { "alert.created" }, severities = new[] { "critical" }, channel_id = channel,
        })).GetProperty("id").GetInt64();
        await owner.OkAsync(HttpMethod.Put, "/api/v1/notification-templates/new_alert", new { channel_type = "slack", template = SeededTemplate });
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = $"{role}-pass-pending@example.com", role = "member" });
        return new Seeded(gatherJob, manualJob, repositoryJob, helmSyncJob, rule, config, alert, channel, notificationRule);
    }

    private static async Task AssertUnchangedAsync(ApiClient owner, Seeded seeded, string role)
    {
        var alert = await owner.OkAsync(HttpMethod.Get, $"/api/v1/alerts/{seeded.Alert}");
        Assert.Equal("active", alert.GetProperty("status").GetString());
        Assert.False(alert.GetProperty("acknowledged").GetBoolean());
        Assert.True((await owner.OkAsync(HttpMethod.Get, $"/api/v1/alert-configs/{seeded.Config}")).GetProperty("active").GetBoolean());
        Assert.True((await owner.OkAsync(HttpMethod.Get, $"/api/v1/monitoring-rules/{seeded.Rule}")).GetProperty("active").GetBoolean());
        Assert.Equal(2, (await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{seeded.GatherJob}/releases")).GetProperty("items").GetArrayLength());
        Assert.Equal("1.0.0", (await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{seeded.ManualJob}")).GetProperty("current_version").GetString());
        Assert.Equal(2, (await owner.OkAsync(HttpMethod.Get, "/api/v1/scrape-jobs")).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await owner.OkAsync(HttpMethod.Get, "/api/v1/helm-sync-jobs")).GetProperty("items").GetArrayLength());
        Assert.Equal(new[] { "owner", role }.Order(), (await owner.OkAsync(HttpMethod.Get, "/api/v1/members")).GetProperty("items").EnumerateArray()
            .Select(member => member.GetProperty("roles")[0].GetString()!).Order().ToArray());
        Assert.Equal(["accepted", "pending"], (await owner.OkAsync(HttpMethod.Get, "/api/v1/invites")).GetProperty("items").EnumerateArray()
            .Select(invite => invite.GetProperty("status").GetString()!).Order().ToArray());
        var channel = await owner.OkAsync(HttpMethod.Get, $"/api/v1/notification-channels/{seeded.Channel}");
        Assert.True(channel.GetProperty("active").GetBoolean());
        Assert.Equal("ops hook", channel.GetProperty("name").GetString());
        var notificationRule = await owner.OkAsync(HttpMethod.Get, $"/api/v1/notification-rules/{seeded.NotificationRule}");
        Assert.True(notificationRule.GetProperty("active").GetBoolean());
        Assert.Equal("critical to ops", notificationRule.GetProperty("name").GetString());
        var settings = await owner.OkAsync(HttpMethod.Get, "/api/v1/settings");
        Assert.Equal(["notification_template.slack.new_alert"], settings.EnumerateObject().Select(setting => setting.Name));
        Assert.Equal(SeededTemplate, settings.GetProperty("notification_template.slack.new_alert").GetString());
    }

    private sealed record GatedControl(string Missing, string Title, string Method, string Url, string[][] Fields);

    private sealed record Seeded(long GatherJob, long ManualJob, long RepositoryJob, long HelmSyncJob, long Rule, long Config, long Alert, long Channel, long NotificationRule)
    {
        public IEnumerable<string> Pages() =>
        [
            "/", "/alerts", $"/alerts/{Alert}", "/releases", "/members", "/onboarding", "/account", "/agents", "/api-keys", "/audit-log", "/settings",
            "/roles", "/roles/new", "/roles/member/edit", "/permissions/explain",
            "/notification-channels", "/notification-channels/new", $"/notification-channels/{Channel}/edit", "/deliveries",
            "/notification-rules", "/notification-rules/new", $"/notification-rules/{NotificationRule}/edit", $"/notification-rules/{NotificationRule}/delete",
            "/notification-templates", "/notification-templates/slack/new_alert", "/notification-templates/slack/new_alert?revert=true",
            "/notification-templates/webhook/resolved",
            .. Job("gather-jobs", GatherJob), $"/gather-jobs/{GatherJob}/delete",
            .. Job("scrape-jobs", ManualJob), $"/scrape-jobs/{RepositoryJob}", $"/scrape-jobs/{ManualJob}/delete",
            .. Job("helm-sync-jobs", HelmSyncJob), $"/helm-sync-jobs/{HelmSyncJob}/delete",
            "/monitoring-rules", "/monitoring-rules/new", $"/monitoring-rules/{Rule}/edit", $"/monitoring-rules/{Rule}/delete",
            "/alert-configs", "/alert-configs/new", $"/alert-configs/{Config}/edit", $"/alert-configs/{Config}/delete",
        ];

        private static string[] Job(string kind, long id) => [$"/{kind}", $"/{kind}/new", $"/{kind}/{id}", $"/{kind}/{id}/edit"];
    }
}
