using Microsoft.Extensions.DependencyInjection;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// The task engine on a clock the test moves, with leases of a minute so that real time never ends one while a test
/// runs: a lease ends when the test moves the clock past it. <see cref="WaitingClaims"/> tells when an agent is
/// long-polling.
/// </summary>
public sealed class ClockedTaskEngineSystem : ClockedSystem
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public WaitingClaims WaitingClaims { get; } = new();

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["TASK_LEASE_SECONDS"] = ((int)Lease.TotalSeconds).ToString(),
    };

    protected override async Task StartSilosAsync()
    {
        await base.StartSilosAsync();
        await CreateFirstAdminAsync();
    }

    protected override void ConfigureSilo(IServiceCollection services) => services.AddSingleton<IIncomingGrainCallFilter>(WaitingClaims);
}
