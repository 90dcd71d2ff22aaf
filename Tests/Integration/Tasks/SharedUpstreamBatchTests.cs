using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// More due gathers of one public upstream than a claim used to complete from the shared cache (1,000, one at a time):
/// one claim completes them all and answers with the job that must really be fetched.
/// </summary>
public class SharedUpstreamBatchTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const int Mirrors = 1_002;
    private const string Upstream = "github.com/acme/mirrored";

    private static readonly object Releases = new
    {
        releases = new[] { new { version = "v1.0.0", released_at = "2026-11-01T00:00:00Z", prerelease = false }, new { version = "v1.1.0", released_at = "2026-11-02T00:00:00Z", prerelease = false } },
    };

    [Fact]
    public async Task One_claim_completes_every_gather_the_cache_serves_and_answers_with_the_job_that_must_fetch()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("mirrors@example.com");
        await owner.CreateOrganizationAsync("mirrors");
        var mirrors = new long[Mirrors];
        await Parallel.ForEachAsync(Enumerable.Range(0, Mirrors), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            mirrors[i] = await CreateGatherAsync(owner, $"mirror {i}", Upstream));

        using var admin = await system.AdminAsync();
        var serverKey = (await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/internal/server-agent-keys", new { name = "server" }))
            .GetProperty("key").GetString()!;
        using var server = await TestAgent.StartAsync(system.Frontend.BaseAddress, serverKey, "server");

        var fetch = (await server.ClaimAsync())!.Value;
        Assert.Contains(TestAgent.JobId(fetch), mirrors);
        Assert.Equal(HttpStatusCode.OK, await server.CompleteAsync(TestAgent.TaskId(fetch), Releases));
        var other = await CreateGatherAsync(owner, "another upstream", "github.com/acme/another");

        var next = (await server.ClaimAsync())!.Value;

        Assert.Equal(other, TestAgent.JobId(next));
        var summary = await owner.OkAsync(HttpMethod.Get, "/api/v1/gather-jobs/summary");
        Assert.Equal(Mirrors, summary.GetProperty("by_status").GetProperty("completed").GetInt32());
        Assert.Equal(2, (await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{mirrors[^1]}/releases")).GetProperty("items").GetArrayLength());
        var upstream = (await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/upstreams")).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("key").GetString()!.Contains(Upstream));
        Assert.Equal(1, upstream.GetProperty("requests_made").GetInt64());
        Assert.Equal(Mirrors - 1, upstream.GetProperty("requests_saved").GetInt64());
    }

    private static async Task<long> CreateGatherAsync(ApiClient owner, string name, string artifact) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new { name, source_type = "github_releases", artifact_name = artifact }))
        .GetProperty("id").GetInt64();
}
