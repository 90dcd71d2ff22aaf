using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// A fresh organization for one measurement, made through the grains as the API would: the bench user owns it and
/// its agents use one API key. Its gather jobs are inserted with SQL before its task engine first activates.
/// </summary>
public sealed record PlanekeeperOrganization(long Id, long ApiKeyId, string ApiKey)
{
    public const string OwnerEmail = "bench-owner@example.com";

    /// <summary>The user who owns every organization of the run.</summary>
    /// <param name="password">Given when the benchmark signs in as the owner (UiPages); a random one otherwise.</param>
    public static async Task<long> SignUpOwnerAsync(IGrainFactory grains, string? password = null)
    {
        var user = await grains.GetGrain<IAccountsGrain>(0).SignUpAsync(OwnerEmail, password ?? $"bench-{Guid.NewGuid():N}", autoApprove: true);
        return user.OrThrow("sign up the bench owner").Id;
    }

    public static async Task<PlanekeeperOrganization> CreateAsync(IGrainFactory grains, long ownerUserId, string name)
    {
        var organization = (await grains.GetGrain<IOrganizationDirectoryGrain>(0).CreateAsync(name, ownerUserId)).OrThrow($"create organization {name}");
        var key = (await grains.GetGrain<IApiKeyDirectoryGrain>(0).CreateAsync($"user:{ownerUserId}", organization.Id, "bench agents", [], null))
            .OrThrow($"create an API key of {name}");
        return new PlanekeeperOrganization(organization.Id, key.Key.Id, key.Value);
    }

    /// <summary>
    /// Queued gather jobs without a schedule, oldest first. Must run before the engine activates: it loads the
    /// organization's jobs once, on activation.
    /// </summary>
    public Task SeedGatherJobsAsync(BenchDatabase database, int count) => database.ExecuteAsync(
        """
        INSERT INTO gather_jobs (organization_id, name, source_type, artifact_name, status, next_run_at)
        SELECT @organization, 'j' || g, 'github_releases', 'github.com/o/r' || g, 'queued', now() - interval '1 hour' + g * interval '1 ms'
          FROM generate_series(1, @count) AS g;
        ANALYZE gather_jobs;
        """,
        ("organization", Id), ("count", count));
}
