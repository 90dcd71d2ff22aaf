using System.Net;
using System.Text.RegularExpressions;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// For every organization route of the route table: organization A's owner and A's owner-role API key,
/// aiming at organization B's resources, get 404 — and nothing in the database changes.
/// </summary>
public partial class CrossOrganizationTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string OtherRole = "b-only-role";

    private static readonly object ValidPolicy = new { Statement = new[] { new { Effect = "Allow", Action = new[] { "members:list" }, Resource = "*" } } };

    // The tables a request could change, with volatile bookkeeping columns left out.
    private static readonly string[] Snapshots =
    [
        "SELECT * FROM organizations", "SELECT * FROM users", "SELECT * FROM organization_members", "SELECT * FROM organization_invites",
        "SELECT * FROM user_sessions", "SELECT * FROM roles", "SELECT * FROM casbin_rule", "SELECT * FROM audit_log",
        "SELECT * FROM gather_jobs", "SELECT * FROM scrape_jobs", "SELECT * FROM helm_sync_jobs", "SELECT * FROM releases",
        "SELECT * FROM monitoring_rules", "SELECT * FROM alert_configs", "SELECT * FROM alerts", "SELECT * FROM alert_actions",
        "SELECT * FROM notification_channels", "SELECT * FROM notification_rules", "SELECT * FROM notification_deliveries", "SELECT * FROM settings",
        "SELECT id, organization_id, name, secret_hash, is_active, deactivated_at, expires_at, created_at, updated_at, version FROM api_keys",
    ];

    private static readonly object ValidGatherJob = new { name = "planted", source_type = "github_releases", artifact_name = "github.com/acme/api", schedule = "0 * * * *" };

    private static readonly object ValidScrapeJob = new
    {
        name = "planted", repository_url = "https://git.example.com/acme/infra.git", target_file = "values.yaml", parse_type = "yq", parse_expression = ".image.tag",
    };

    private static readonly object ValidHelmSyncJob = new { name = "planted", repository_url = "https://charts.example.com/stable" };

    private static readonly object ValidRule = new { name = "planted", rule_type = "majors_behind", moderate = 1, high = 2, critical = 3 };

    private sealed record OtherOrganization(
        long Id, long MemberId, long InviteId, long ApiKeyId, long GatherJobId, long ScrapeJobId, long HelmSyncJobId,
        long RuleId, long AlertConfigId, long ReleaseId, long AlertId, long ChannelId, long NotificationRuleId, long DeliveryId);

    private static readonly object ValidChannel = new { name = "planted", type = "webhook", config = new { url = "https://hooks.example.com/planted" } };

    [Fact]
    public async Task Every_organization_route_answers_404_for_another_organization_and_changes_nothing()
    {
        using var a = system.Client();
        await a.SignUpAsync("a-owner@example.com");
        await a.CreateOrganizationAsync("Organization A");
        var (_, aKey) = await a.CreateApiKeyAsync("a-owner-key", "owner");
        using var aAgent = ApiClient.WithKey(system.Frontend.BaseAddress, aKey);
        var b = await CreateOtherOrganizationAsync();
        var routes = RouteActions.Table.Where(route => route.Value.Kind == AccessKind.Organization).Select(route => route.Key).ToList();

        var before = await SnapshotAsync();
        var failures = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var (path, hasOtherIds) = Substitute(pattern, b);
            var body = BodyFor(method, pattern, b);
            if (hasOtherIds)
            {
                await ExpectNotFoundAsync(a, method, path, body, "A's owner", failures);
                await ExpectNotFoundAsync(aAgent, method, path, body, "A's key", failures);
            }

            a.OrganizationId = b.Id;
            await ExpectNotFoundAsync(a, method, path, body, "A's owner with X-Organization-Id of B", failures);
            a.OrganizationId = null;
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await SnapshotAsync());
        Assert.True(routes.Count >= 20, $"only {routes.Count} organization routes were checked");
    }

    private async Task<OtherOrganization> CreateOtherOrganizationAsync()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("b-owner@example.com");
        var id = await owner.CreateOrganizationAsync("Organization B");
        var (member, memberId) = await owner.AddMemberAsync("b-member@example.com", "member");
        member.Dispose();
        var invite = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email = "b-invitee@example.com", role = "viewer" });
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/roles", new { key = OtherRole, name = "B only", policy = ValidPolicy });
        var (keyId, _) = await owner.CreateApiKeyAsync("b-key");
        var gatherJob = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", ValidGatherJob);
        var scrapeJob = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", ValidScrapeJob);
        var helmSyncJob = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/helm-sync-jobs", ValidHelmSyncJob);
        var rule = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/monitoring-rules", ValidRule);
        var (gatherJobId, scrapeJobId, ruleId) = (gatherJob.GetProperty("id").GetInt64(), scrapeJob.GetProperty("id").GetInt64(), rule.GetProperty("id").GetInt64());
        var config = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/alert-configs",
            new { name = "b config", scrape_job_id = scrapeJobId, gather_job_id = gatherJobId, rule_id = ruleId });
        var configId = config.GetProperty("id").GetInt64();
        // B's release and alert are planted with SQL: only their ids matter here, not how they came to be.
        var releaseId = await system.ScalarAsync<long>(
            $"INSERT INTO releases (organization_id, gather_job_id, version) VALUES ({id}, {gatherJobId}, 'v9.9.9') RETURNING id");
        var alertId = await system.ScalarAsync<long>(
            $"""
            INSERT INTO alerts (organization_id, alert_config_id, config_name, severity, behind_by, discovered_version, reason, created_at, updated_at)
            VALUES ({id}, {configId}, 'b config', 'high', 2, '1.0.0', 'behind', now(), now()) RETURNING id
            """);
        var channelId = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-channels", ValidChannel)).GetProperty("id").GetInt64();
        var notificationRuleId = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/notification-rules",
            new { name = "b rule", channel_id = channelId })).GetProperty("id").GetInt64();
        await owner.OkAsync(HttpMethod.Put, "/api/v1/settings/default_notification_channel_id", new { value = channelId.ToString() });
        var actionId = await system.ScalarAsync<long>(
            $"INSERT INTO alert_actions (alert_id, organization_id, action, event, actor, severity, created_at, routed_at) VALUES ({alertId}, {id}, 'created', 'alert.created', 'system', 'high', now(), now()) RETURNING id");
        var deliveryId = await system.ScalarAsync<long>(
            $"""
            INSERT INTO notification_deliveries (organization_id, channel_id, alert_id, alert_action_id, event, status, idempotency_key)
            VALUES ({id}, {channelId}, {alertId}, {actionId}, 'alert.created', 'dead', gen_random_uuid()) RETURNING id
            """);
        return new OtherOrganization(
            id, memberId, invite.GetProperty("id").GetInt64(), keyId, gatherJobId, scrapeJobId, helmSyncJob.GetProperty("id").GetInt64(),
            ruleId, configId, releaseId, alertId, channelId, notificationRuleId, deliveryId);
    }

    /// <summary>Fills the route's parameters with B's ids; fails for a parameter this test does not know yet.</summary>
    private static (string Path, bool HasOtherIds) Substitute(string pattern, OtherOrganization b)
    {
        var path = Parameter().Replace(pattern, match => match.Groups[1].Value switch
        {
            "userId" => b.MemberId.ToString(),
            "key" when pattern.StartsWith("/api/v1/settings", StringComparison.Ordinal) => "default_notification_channel_id",
            "key" => OtherRole,
            "category" => "new_alert",
            "id" when pattern.StartsWith("/api/v1/notification-channels", StringComparison.Ordinal) => b.ChannelId.ToString(),
            "id" when pattern.StartsWith("/api/v1/notification-rules", StringComparison.Ordinal) => b.NotificationRuleId.ToString(),
            "id" when pattern.StartsWith("/api/v1/notification-deliveries", StringComparison.Ordinal) => b.DeliveryId.ToString(),
            "id" when pattern.StartsWith("/api/v1/invites", StringComparison.Ordinal) => b.InviteId.ToString(),
            "id" when pattern.StartsWith("/api/v1/api-keys", StringComparison.Ordinal) => b.ApiKeyId.ToString(),
            "id" when pattern.StartsWith("/api/v1/gather-jobs", StringComparison.Ordinal) => b.GatherJobId.ToString(),
            "id" when pattern.StartsWith("/api/v1/scrape-jobs", StringComparison.Ordinal) => b.ScrapeJobId.ToString(),
            "id" when pattern.StartsWith("/api/v1/helm-sync-jobs", StringComparison.Ordinal) => b.HelmSyncJobId.ToString(),
            "id" when pattern.StartsWith("/api/v1/monitoring-rules", StringComparison.Ordinal) => b.RuleId.ToString(),
            "id" when pattern.StartsWith("/api/v1/alert-configs", StringComparison.Ordinal) => b.AlertConfigId.ToString(),
            "id" when pattern.StartsWith("/api/v1/releases", StringComparison.Ordinal) => b.ReleaseId.ToString(),
            "id" when pattern.StartsWith("/api/v1/alerts", StringComparison.Ordinal) => b.AlertId.ToString(),
            var name => throw new InvalidOperationException($"add a substitution for {{{name}}} in {pattern} to this test"),
        });
        if (pattern == "/api/v1/permissions/explain")
        {
            return ($"{path}?user_id={b.MemberId}&action=members:list", true);
        }

        // A template category or a setting's name is not another organization's resource: those routes act on A's own.
        var names = Parameter().Matches(pattern).Select(match => match.Groups[1].Value).ToList();
        var ownNames = pattern.StartsWith("/api/v1/settings", StringComparison.Ordinal) || names.SequenceEqual(["category"]);
        return (path, path != pattern && !ownNames);
    }

    private static object? BodyFor(string method, string pattern, OtherOrganization b) => (method, pattern) switch
    {
        ("PUT", "/api/v1/members/{userId}") => new { role = "admin" },
        ("POST", "/api/v1/roles/{key}/assign") => new { user_id = b.MemberId },
        ("PUT", "/api/v1/roles/{key}") => new { name = "taken over", policy = ValidPolicy },
        ("POST", "/api/v1/roles") => new { key = "planted", name = "Planted", policy = ValidPolicy },
        ("PATCH", "/api/v1/api-keys/{id}") => new { name = "taken over" },
        ("POST", "/api/v1/api-keys") => new { name = "planted" },
        ("POST", "/api/v1/invites") => new { email = "planted@example.com", role = "owner" },
        ("POST", "/api/v1/gather-jobs") or ("PUT", "/api/v1/gather-jobs/{id}") => ValidGatherJob,
        ("POST", "/api/v1/scrape-jobs") or ("PUT", "/api/v1/scrape-jobs/{id}") => ValidScrapeJob,
        ("POST", "/api/v1/scrape-jobs/{id}/set-version") => new { version = "6.6.6" },
        ("POST", "/api/v1/helm-sync-jobs") or ("PUT", "/api/v1/helm-sync-jobs/{id}") => ValidHelmSyncJob,
        ("POST", "/api/v1/monitoring-rules") or ("PUT", "/api/v1/monitoring-rules/{id}") => ValidRule,
        ("POST", "/api/v1/alert-configs") or ("PUT", "/api/v1/alert-configs/{id}") =>
            new { name = "planted", scrape_job_id = b.ScrapeJobId, gather_job_id = b.GatherJobId, rule_id = b.RuleId },
        ("POST", "/api/v1/alerts/bulk-acknowledge") => new { ids = new[] { b.AlertId } },
        ("POST", "/api/v1/notification-channels") or ("PUT", "/api/v1/notification-channels/{id}") or ("POST", "/api/v1/notification-channels/validate") => ValidChannel,
        ("POST", "/api/v1/notification-rules") or ("PUT", "/api/v1/notification-rules/{id}") => new { name = "planted", channel_id = b.ChannelId },
        ("POST", "/api/v1/notification-rules/simulate") => new { @event = "alert.created", severity = "high" },
        ("PUT", "/api/v1/notification-templates/{category}") => new { channel_type = "slack", template = "planted" },
        ("POST", "/api/v1/notification-templates/preview") => new { channel_type = "slack" },
        ("PUT", "/api/v1/settings/{key}") => new { value = b.ChannelId.ToString() },
        ("POST", "/api/v1/alerts/{id}/acknowledge") => new { metadata = new { reason = "taken over" } },
        ("POST", _) => new { },
        _ => null,
    };

    private static async Task ExpectNotFoundAsync(ApiClient caller, string method, string path, object? body, string who, List<string> failures)
    {
        using var response = await caller.SendAsync(new HttpMethod(method), path, body);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            failures.Add($"{who}: {method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<List<string>> SnapshotAsync()
    {
        var hashes = new List<string>();
        foreach (var query in Snapshots)
        {
            hashes.Add(query + " => " + await system.ScalarAsync<string>($"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ({query}) t"));
        }

        return hashes;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();
}
