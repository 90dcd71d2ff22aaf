using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Jobs;

/// <summary>Job lists filtered by status and labels, for every kind, on PostgreSQL.</summary>
public class JobListFilterTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Status_and_every_asked_label_must_match_and_paging_keeps_the_filter()
    {
        using var owner = await OwnerAsync("job-filters@example.com");
        var platformQueued = await GatherJobAsync(owner, "a", null, ("team", "platform"), ("tier", "prod"));
        var platformPending = await GatherJobAsync(owner, "b", "0 3 * * *", ("team", "platform"));
        var dataQueued = await GatherJobAsync(owner, "c", null, ("team", "data"));
        var platformQueuedToo = await GatherJobAsync(owner, "d", null, ("team", "platform"));

        Assert.Equal([platformQueued, platformPending, platformQueuedToo], await IdsAsync(owner, "/api/v1/gather-jobs?label=team:platform"));
        Assert.Equal([platformQueued, dataQueued, platformQueuedToo], await IdsAsync(owner, "/api/v1/gather-jobs?status=queued"));
        Assert.Equal([platformQueued], await IdsAsync(owner, "/api/v1/gather-jobs?status=queued&label=team:platform&label=tier:prod"));
        Assert.Empty(await IdsAsync(owner, "/api/v1/gather-jobs?label=team:nobody"));

        var first = await owner.OkAsync(HttpMethod.Get, "/api/v1/gather-jobs?status=queued&label=team:platform&limit=1");
        var cursor = first.GetProperty("next_cursor").GetString();
        Assert.Equal([platformQueuedToo], await IdsAsync(owner, $"/api/v1/gather-jobs?status=queued&label=team:platform&limit=1&cursor={cursor}"));
    }

    [Fact]
    public async Task Scrape_and_helm_sync_lists_filter_the_same_way()
    {
        using var owner = await OwnerAsync("job-filters-kinds@example.com");
        var scrape = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs",
            new { name = "manual", parse_type = "manual", labels = new Dictionary<string, string> { ["env"] = "prod" } });
        await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new { name = "other", parse_type = "manual" });
        Assert.Equal([scrape.GetProperty("id").GetInt64()], await IdsAsync(owner, "/api/v1/scrape-jobs?label=env:prod"));
        Assert.Empty(await IdsAsync(owner, "/api/v1/helm-sync-jobs?status=failed"));
    }

    [Theory]
    [InlineData("status=running", "status")]
    [InlineData("label=team", "label")]
    [InlineData("label=:platform", "label")]
    [InlineData("label=team:a&label=team:b", "label")]
    public async Task A_bad_filter_is_refused_naming_the_parameter(string query, string field)
    {
        using var owner = await OwnerAsync($"job-filters-bad-{Math.Abs(query.GetHashCode())}@example.com");
        var response = await owner.GetAsync($"/api/v1/gather-jobs?{query}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private async Task<ApiClient> OwnerAsync(string email)
    {
        var owner = system.Client();
        await owner.SignUpAsync(email);
        await owner.CreateOrganizationAsync($"Jobs of {email}");
        return owner;
    }

    private static async Task<long> GatherJobAsync(ApiClient owner, string name, string? schedule, params (string Key, string Value)[] labels) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new
        {
            name, source_type = "github_releases", artifact_name = $"github.com/acme/{name}", schedule,
            labels = labels.ToDictionary(label => label.Key, label => label.Value),
        })).GetProperty("id").GetInt64();

    private static async Task<List<long>> IdsAsync(ApiClient owner, string path) =>
        (await owner.OkAsync(HttpMethod.Get, path)).GetProperty("items").EnumerateArray().Select(job => job.GetProperty("id").GetInt64()).ToList();
}
