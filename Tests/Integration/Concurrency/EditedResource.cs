using System.Net;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;

namespace Planekeeper.Tests.Integration.Concurrency;

/// <summary>
/// A kind of resource people edit, as the lost-update tests drive it (docs/api.md, "ETags and If-Match"): where it is
/// created, how it is written (<c>PUT</c> or <c>PATCH</c>), whether it can be deleted, and a body that names it.
/// </summary>
/// <param name="Body">A valid create-or-replace body that gives the resource <c>name</c>.</param>
public sealed record EditedResource(string Kind, string Collection, HttpMethod Write, bool Deletable, Func<ApiClient, string, Task<object>> Body, string IdProperty = "id")
{
    private static readonly object RolePolicy = new { Statement = new[] { new { Effect = "Allow", Action = new[] { "members:list" }, Resource = "*" } } };

    public static IReadOnlyList<EditedResource> All { get; } =
    [
        new("gather job", "/api/v1/gather-jobs", HttpMethod.Put, true, (_, name) => Task.FromResult<object>(
            new { name, source_type = "github_releases", artifact_name = "github.com/acme/api", schedule = "0 * * * *" })),
        new("scrape job", "/api/v1/scrape-jobs", HttpMethod.Put, true, (_, name) => Task.FromResult<object>(new { name, parse_type = "manual" })),
        new("helm sync job", "/api/v1/helm-sync-jobs", HttpMethod.Put, true, (_, name) => Task.FromResult<object>(
            new { name, repository_url = "https://charts.example.com/stable", schedule = "0 * * * *" })),
        new("monitoring rule", "/api/v1/monitoring-rules", HttpMethod.Put, true, (_, name) => Task.FromResult<object>(
            new { name, rule_type = "majors_behind", moderate = 1, high = 2, critical = 3 })),
        new("alert config", "/api/v1/alert-configs", HttpMethod.Put, true, AlertConfigAsync),
        new("notification channel", "/api/v1/notification-channels", HttpMethod.Put, true, (_, name) => Task.FromResult<object>(
            new { name, type = "webhook", config = new { url = "https://hooks.example.com/etag" } })),
        new("notification rule", "/api/v1/notification-rules", HttpMethod.Put, true, (_, name) => Task.FromResult<object>(new { name, priority = 10 })),
        new("role", "/api/v1/roles", HttpMethod.Put, true, (_, name) => Task.FromResult<object>(
            new { key = "etag-role", name, description = "", policy = RolePolicy }), IdProperty: "key"),
        new("API key", "/api/v1/api-keys", HttpMethod.Patch, false, (_, name) => Task.FromResult<object>(new { name, roles = new[] { "viewer" } })),
    ];

    public static TheoryData<string> Kinds => new(All.Select(kind => kind.Kind));

    public static EditedResource Named(string kind) => All.Single(resource => resource.Kind == kind);

    public override string ToString() => Kind;

    private static async Task<object> AlertConfigAsync(ApiClient owner, string name)
    {
        var scrape = await owner.CreateManualScrapeJobAsync($"{name} deployed");
        var gather = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs",
            new { name = $"{name} upstream", source_type = "github_releases", artifact_name = "github.com/acme/api", schedule = "0 * * * *" })).GetProperty("id").GetInt64();
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        return new { name, scrape_job_id = scrape, gather_job_id = gather, rule_id = rule };
    }
}
