using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// Due gathers of one public upstream that the shared cache serves: one claim completes them all — more than the 1,000
/// a claim used to complete one at a time, or those of many organizations — and answers with the job that must really
/// be fetched.
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
        Assert.Equal(HttpStatusCode.OK, await server.CompleteAsync(TestAgent.TaskId(next), Releases));
    }

    [Fact]
    public async Task One_claim_completes_the_cached_gathers_of_many_organizations_and_the_others_keep_their_turns()
    {
        const string shared = "github.com/acme/widely-tracked";
        var owners = new List<(ApiClient Owner, long Job)>();
        for (var i = 0; i < 30; i++)
        {
            owners.Add(await OrganizationWithGatherAsync($"tracking-{i}", shared));
        }

        using var admin = await system.AdminAsync();
        var serverKey = (await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/internal/server-agent-keys", new { name = "server-2" }))
            .GetProperty("key").GetString()!;
        using var server = await TestAgent.StartAsync(system.Frontend.BaseAddress, serverKey, "server-2");
        var fetch = (await server.ClaimAsync())!.Value;
        Assert.Equal(HttpStatusCode.OK, await server.CompleteAsync(TestAgent.TaskId(fetch), Releases));
        var (first, firstJob) = await OrganizationWithGatherAsync("own-upstream-1", "github.com/acme/own-1");
        var (second, secondJob) = await OrganizationWithGatherAsync("own-upstream-2", "github.com/acme/own-2");

        var answer = (await server.ClaimAsync())!.Value;

        foreach (var (owner, job) in owners)
        {
            Assert.Equal("completed", await owner.JobStatusAsync("gather-jobs", job));
        }

        var nextAnswer = (await server.ClaimAsync())!.Value;
        Assert.Equal([firstJob, secondJob], new[] { answer, nextAnswer }.Select(TestAgent.JobId).Order());
        Assert.Equal(HttpStatusCode.OK, await server.CompleteAsync(TestAgent.TaskId(answer), Releases));
        Assert.Equal(HttpStatusCode.OK, await server.CompleteAsync(TestAgent.TaskId(nextAnswer), Releases));

        var upstream = (await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/upstreams")).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("key").GetString()!.Contains(shared));
        Assert.Equal(owners.Count - 1, upstream.GetProperty("requests_saved").GetInt64());
        Assert.Null(await server.ClaimAsync());
        foreach (var owner in owners.Select(o => o.Owner).Append(first).Append(second))
        {
            owner.Dispose();
        }
    }

    private async Task<(ApiClient Owner, long Job)> OrganizationWithGatherAsync(string name, string artifact)
    {
        var owner = system.Client();
        await owner.SignUpAsync($"{name}@example.com");
        await owner.CreateOrganizationAsync(name);
        return (owner, await CreateGatherAsync(owner, name, artifact));
    }

    private static async Task<long> CreateGatherAsync(ApiClient owner, string name, string artifact) =>
        (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/gather-jobs", new { name, source_type = "github_releases", artifact_name = artifact }))
        .GetProperty("id").GetInt64();
}
