using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Jobs;

public class ScrapeAndHelmSyncJobApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private async Task<ApiClient> OwnerAsync()
    {
        var owner = system.Client();
        await owner.SignUpAsync($"scrape-{Guid.NewGuid():N}@example.com");
        await owner.CreateOrganizationAsync("Scraping");
        return owner;
    }

    [Fact]
    public async Task A_scrape_job_gets_the_spec_defaults_and_a_manual_one_never_runs()
    {
        using var owner = await OwnerAsync();

        var scraped = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "prod cluster", repository_url = "https://git.example.com/acme/infra.git", target_file = "clusters/prod/values.yaml",
            parse_type = "yq", parse_expression = ".kubernetes.version", schedule = "0 9 * * 1-5",
        });
        Assert.Equal("main", scraped.GetProperty("ref").GetString());
        Assert.Equal("none", scraped.GetProperty("version_transform").GetString());
        Assert.Equal(10, scraped.GetProperty("history_limit").GetInt32());
        Assert.Equal("pending", scraped.GetProperty("status").GetString());

        var manual = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new { name = "by hand", parse_type = "manual", version_transform = "add_v_lower" });
        Assert.Equal("pending", manual.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, manual.GetProperty("next_run_at").ValueKind);
        var refused = await owner.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/scrape-jobs/{manual.GetProperty("id").GetInt64()}/run");
        Assert.Contains("set-version", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Set_version_stores_transformed_snapshots_newest_first_within_the_history_limit()
    {
        using var owner = await OwnerAsync();
        var manual = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new { name = "by hand", parse_type = "manual", version_transform = "add_v_lower", history_limit = 2 });
        var id = manual.GetProperty("id").GetInt64();

        foreach (var version in new[] { "1.28.0", "V1.29.0", "1.29.4" })
        {
            await owner.OkAsync(HttpMethod.Post, $"/api/v1/scrape-jobs/{id}/set-version", new { version });
        }

        var versions = await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{id}/versions");
        Assert.Equal(["v1.29.4", "v1.29.0"], versions.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetString()!).ToArray());
        var job = await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{id}");
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, job.GetProperty("last_run_at").ValueKind);

        var invalid = await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"/api/v1/scrape-jobs/{id}/set-version", new { version = "1.2 beta" });
        Assert.True(invalid.GetProperty("errors").TryGetProperty("version", out _));

        var scraped = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "from git", repository_url = "https://git.example.com/acme/infra.git", target_file = "values.yaml", parse_type = "yq", parse_expression = ".tag",
        });
        await owner.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/v1/scrape-jobs/{scraped.GetProperty("id").GetInt64()}/set-version", new { version = "1.0.0" });
    }

    [Theory]
    [InlineData("history_limit", 21)]
    [InlineData("history_limit", 0)]
    [InlineData("parse_expression", ".")]
    [InlineData("parse_type", "xpath")]
    [InlineData("repository_url", "http://git.example.com/acme/infra.git")]
    [InlineData("target_file", "../etc/passwd")]
    [InlineData("version_transform", "upper")]
    public async Task Invalid_scrape_fields_are_422_naming_the_field(string field, object value)
    {
        using var owner = await OwnerAsync();
        var body = new Dictionary<string, object?>
        {
            ["name"] = "job", ["repository_url"] = "git@github.com:acme/infra.git", ["target_file"] = "values.yaml",
            ["parse_type"] = "jq", ["parse_expression"] = ".image.tag",
            [field] = value,
        };

        var problem = await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/scrape-jobs", body);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task A_helm_sync_job_keeps_its_repository_without_a_trailing_slash_and_checks_the_chart_filter()
    {
        using var owner = await OwnerAsync();

        var created = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/helm-sync-jobs", new
        {
            name = "bitnami", repository_url = "https://charts.bitnami.com/bitnami/", chart_filter = "^(nginx|redis)$", schedule = "0 3 * * *",
        });
        Assert.Equal("https://charts.bitnami.com/bitnami", created.GetProperty("repository_url").GetString());

        var problem = await owner.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/helm-sync-jobs", new { name = "x", repository_url = "ftp://charts", chart_filter = "(" });
        Assert.True(problem.GetProperty("errors").TryGetProperty("repository_url", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("chart_filter", out _));
    }
}
