using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// One public upstream tracked by 100 organizations: a server agent fetches it once per window and every other
/// organization's job is completed from the shared cache; a tenant's own agent only ever changes its own data.
/// </summary>
public class SharedUpstreamTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const int Organizations = 100;
    private static readonly string[] Upstream = ["v1.0.0", "v1.1.0", "v2.0.0-rc.1"];

    [Fact]
    public async Task A_hundred_organizations_share_one_fetch_per_window_and_tenants_write_only_their_own()
    {
        var owners = new List<(ApiClient Owner, long Job)>();
        for (var i = 0; i < Organizations; i++)
        {
            var owner = system.Client();
            await owner.SignUpAsync($"shared-{i}@example.com");
            await owner.CreateOrganizationAsync($"shared-{i}");
            owners.Add((owner, await owner.CreateGatherJobAsync("shared upstream")));
        }

        using var admin = await system.AdminAsync();
        var serverKey = (await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/internal/server-agent-keys", new { name = "server" }))
            .GetProperty("key").GetString()!;
        using var server = await TestAgent.StartAsync(system.Frontend.BaseAddress, serverKey, "server");

        var fetch = (await server.ClaimAsync())!.Value;
        Assert.Equal(HttpStatusCode.OK, await server.CompleteAsync(TestAgent.TaskId(fetch), Releases(Upstream)));
        Assert.Null(await server.ClaimAsync());

        foreach (var (owner, job) in owners)
        {
            Assert.Equal("completed", await owner.JobStatusAsync("gather-jobs", job));
            Assert.Equal(Upstream.Length, (await owner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{job}/releases")).GetProperty("items").GetArrayLength());
        }

        var upstream = Assert.Single((await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/upstreams")).GetProperty("items").EnumerateArray());
        Assert.Equal(1, upstream.GetProperty("requests_made").GetInt64());
        Assert.Equal(Organizations - 1, upstream.GetProperty("requests_saved").GetInt64());

        // A tenant's own agent reports something else: only its organization sees it, the cache does not.
        var (tenantOwner, tenantJob) = owners[5];
        var (_, tenantKey) = await tenantOwner.CreateApiKeyAsync("tenant agent");
        using var tenant = await TestAgent.StartAsync(system.Frontend.BaseAddress, tenantKey, "tenant");
        await tenantOwner.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{tenantJob}/run");
        var own = (await tenant.ClaimAsync())!.Value;
        Assert.Equal(HttpStatusCode.OK, await tenant.CompleteAsync(TestAgent.TaskId(own), Releases("v6.6.6")));
        Assert.Equal(Upstream.Length + 1, (await tenantOwner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{tenantJob}/releases")).GetProperty("items").GetArrayLength());

        var (otherOwner, otherJob) = owners[6];
        await otherOwner.OkAsync(HttpMethod.Post, $"/api/v1/gather-jobs/{otherJob}/run");
        var nextWindow = (await server.ClaimAsync())!.Value;
        Assert.Equal(otherJob, TestAgent.JobId(nextWindow));
        Assert.Equal(HttpStatusCode.OK, await server.CompleteAsync(TestAgent.TaskId(nextWindow), Releases(Upstream)));
        var releases = (await otherOwner.OkAsync(HttpMethod.Get, $"/api/v1/gather-jobs/{otherJob}/releases")).GetProperty("items");
        Assert.DoesNotContain("v6.6.6", releases.EnumerateArray().Select(r => r.GetProperty("version").GetString()));
        upstream = Assert.Single((await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/upstreams")).GetProperty("items").EnumerateArray());
        Assert.Equal(2, upstream.GetProperty("requests_made").GetInt64());

        foreach (var (owner, _) in owners)
        {
            owner.Dispose();
        }
    }

    private static object Releases(params string[] versions) =>
        new { releases = versions.Select(version => new { version, released_at = "2026-11-01T00:00:00Z", prerelease = version.Contains('-') }).ToArray() };
}
