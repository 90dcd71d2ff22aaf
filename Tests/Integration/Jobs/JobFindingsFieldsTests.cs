using System.Net;
using System.Text.Json;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Jobs;

/// <summary>
/// A gather job's <c>latest_version</c> and a scrape job's <c>current_version</c> (+ <c>current_version_found_at</c>),
/// in a job's GET and in the list: null before any run, then what the runs found.
/// </summary>
public class JobFindingsFieldsTests(TaskEngineSystem system) : IClassFixture<TaskEngineSystem>
{
    [Fact]
    public async Task A_gather_job_shows_its_highest_stable_release_after_an_agent_completes_it()
    {
        var (owner, key) = await system.OrganizationAsync("latest-version");
        using var ownerClient = owner;
        var jobId = await owner.CreateGatherJobAsync("latest");
        Assert.Equal(JsonValueKind.Null, (await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}")).GetProperty("latest_version").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ListedAsync(owner, "gather-jobs", jobId)).GetProperty("latest_version").ValueKind);

        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "finder");
        var task = (await agent.ClaimAsync())!.Value;
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(TestAgent.TaskId(task), new
        {
            releases = new[]
            {
                new { version = "v1.9.3", prerelease = false },
                new { version = "v1.10.0", prerelease = false },
                new { version = "v2.0.0-rc.1", prerelease = false },
                new { version = "v3.0.0", prerelease = true },
                new { version = "nightly", prerelease = false },
            },
        }));

        Assert.Equal("v1.10.0", (await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}")).GetProperty("latest_version").GetString());
        Assert.Equal("v1.10.0", (await ListedAsync(owner, "gather-jobs", jobId)).GetProperty("latest_version").GetString());

        await owner.OkAsync(HttpMethod.Delete, $"/api/v1/gather-jobs/{jobId}/releases");
        Assert.Equal(JsonValueKind.Null, (await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{jobId}")).GetProperty("latest_version").ValueKind);
    }

    [Fact]
    public async Task A_scrape_job_shows_its_newest_snapshot_after_an_agent_completes_it()
    {
        var (owner, key) = await system.OrganizationAsync("current-version");
        using var ownerClient = owner;
        var jobId = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "deployed", repository_url = "https://git.example.com/acme/infra.git", target_file = "values.yaml", parse_type = "yq", parse_expression = ".image.tag",
        })).GetProperty("id").GetInt64();
        var before = await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{jobId}");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("current_version").ValueKind);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("current_version_found_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ListedAsync(owner, "scrape-jobs", jobId)).GetProperty("current_version").ValueKind);

        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "scraper");
        var task = (await agent.ClaimAsync())!.Value;
        Assert.Equal(HttpStatusCode.OK, await agent.CompleteAsync(TestAgent.TaskId(task), new { version = "4.2.0", commit_sha = "abc123" }));

        var snapshot = Assert.Single((await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{jobId}/versions")).GetProperty("items").EnumerateArray());
        foreach (var job in new[] { await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{jobId}"), await ListedAsync(owner, "scrape-jobs", jobId) })
        {
            Assert.Equal("4.2.0", job.GetProperty("current_version").GetString());
            Assert.Equal(snapshot.GetProperty("found_at").GetDateTime(), job.GetProperty("current_version_found_at").GetDateTime());
        }
    }

    [Fact]
    public async Task A_manual_scrape_job_shows_the_version_set_last_after_its_transform()
    {
        var (owner, _) = await system.OrganizationAsync("manual-version");
        using var ownerClient = owner;
        var jobId = (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/scrape-jobs", new
        {
            name = "by hand", parse_type = "manual", version_transform = "add_v_lower",
        })).GetProperty("id").GetInt64();
        Assert.Equal(JsonValueKind.Null, (await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{jobId}")).GetProperty("current_version").ValueKind);

        await owner.OkAsync(HttpMethod.Post, $"/api/v1/scrape-jobs/{jobId}/set-version", new { version = "1.0.0" });
        var set = await owner.OkAsync(HttpMethod.Post, $"/api/v1/scrape-jobs/{jobId}/set-version", new { version = "1.1.0" });

        var job = await owner.OkAsync(HttpMethod.Get, $"/api/v1/scrape-jobs/{jobId}");
        Assert.Equal(set.GetProperty("version").GetString(), job.GetProperty("current_version").GetString());
        Assert.Equal("v1.1.0", job.GetProperty("current_version").GetString());
        Assert.Equal(set.GetProperty("found_at").GetDateTime(), job.GetProperty("current_version_found_at").GetDateTime());
        Assert.Equal("v1.1.0", (await ListedAsync(owner, "scrape-jobs", jobId)).GetProperty("current_version").GetString());
    }

    private static async Task<JsonElement> ListedAsync(ApiClient owner, string resource, long id) =>
        (await owner.OkAsync(HttpMethod.Get, $"/api/v1/{resource}?limit=200")).GetProperty("items").EnumerateArray().Single(job => job.GetProperty("id").GetInt64() == id);
}
