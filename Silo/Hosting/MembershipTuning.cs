using Orleans.Configuration;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// How fast the cluster notices a silo that vanished without saying goodbye (SIGKILL, host crash).
/// Orleans' defaults (5 s probes, 60 s table refresh) leave calls to a dead silo failing for 15–20 s;
/// these values declare it dead after about three missed 2 s probes and keep every silo's view of
/// the table at most 10 s old. docs/operations.md lists them.
/// </summary>
public static class MembershipTuning
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan TableRefresh = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan IAmAlivePublish = TimeSpan.FromSeconds(10);

    public static void Apply(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.TableRefreshTimeout = TableRefresh;
        options.IAmAliveTablePublishTimeout = IAmAlivePublish;
        options.NumMissedProbesLimit = 3;
    }
}
