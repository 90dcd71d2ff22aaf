using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>Silos with short intervals: agents beat every second (offline after 3 s) and leases last 3 s.</summary>
public class TaskEngineSystem : RunningSystem
{
    public const int LeaseSeconds = 3;

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["AGENT_HEARTBEAT_INTERVAL"] = "1s",
        ["TASK_LEASE_SECONDS"] = LeaseSeconds.ToString(),
    };
}
