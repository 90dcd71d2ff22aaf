using Orleans.Runtime;
using Planekeeper.Grains.Interfaces.Health;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// <c>/internal</c>: the cluster as the membership table and the silos see it — every silo with its status, start
/// time, last "I am alive" and activations — and the database as the cluster sees it. The Orleans Dashboard has
/// the detail (grain calls, reminders).
/// </summary>
public sealed class ClusterModel(IClusterClient cluster) : InternalPage
{
    public IReadOnlyList<SiloRow> Silos { get; private set; } = [];

    public ClusterHealthReport? Health { get; private set; }

    public async Task OnGetAsync()
    {
        var management = cluster.GetGrain<IManagementGrain>(0);
        var members = await management.GetDetailedHosts(onlyActive: false);
        var active = members.Where(member => member.Status == SiloStatus.Active).Select(member => member.SiloAddress).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetRuntimeStatistics(active);
        var activations = active.Zip(statistics, (silo, stats) => (silo, stats.ActivationCount)).ToDictionary(pair => pair.silo, pair => pair.ActivationCount);
        Silos = members
            .OrderBy(member => member.Status == SiloStatus.Active ? 0 : 1).ThenByDescending(member => member.StartTime)
            .Select(member => new SiloRow(member.SiloName, member.SiloAddress.ToParsableString(), member.Status.ToString(), member.StartTime, member.IAmAliveTime,
                activations.TryGetValue(member.SiloAddress, out var count) ? count : null))
            .ToList();
        Health = await cluster.GetGrain<IClusterHealthGrain>(IClusterHealthGrain.Key).CheckAsync();
    }

    public sealed record SiloRow(string Name, string Address, string Status, DateTime StartedAt, DateTime LastAliveAt, int? Activations);
}
