using Planekeeper.Bench.JobPipeline;
using Planekeeper.Grains.Interfaces.Rules;

namespace Planekeeper.Bench.UiPages;

/// <summary>
/// The organization whose pages are measured, owned by the bench owner (signed up and approved through the grains,
/// with a password the benchmark signs in with). The organization and its monitoring rule are made through the grains
/// as the API does; its jobs, alert configs and alerts are inserted with SQL (<see cref="PageSeed"/>) before any of
/// its grains activate.
/// </summary>
public sealed record PageOrganization(long Id, string OwnerEmail, string OwnerPassword)
{
    public static async Task<PageOrganization> CreateAsync(IGrainFactory grains, BenchDatabase database, PageSeed seed)
    {
        var password = $"bench-{Guid.NewGuid():N}";
        var owner = await PlanekeeperOrganization.SignUpOwnerAsync(grains, password);
        var organization = await PlanekeeperOrganization.CreateAsync(grains, owner, "Acme platform");
        var rule = (await grains.GetGrain<IMonitoringRuleDirectoryGrain>(0).CreateAsync($"user:{owner}", organization.Id,
            new MonitoringRuleRequest("majors behind", "majors_behind", 1, 2, 3, false))).OrThrow("create the monitoring rule");
        await seed.InsertAsync(database, organization.Id, rule.Id, owner);
        return new PageOrganization(organization.Id, PlanekeeperOrganization.OwnerEmail, password);
    }
}
