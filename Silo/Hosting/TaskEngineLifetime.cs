using Orleans.Configuration;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// Idle task engines are collected (docs/jobs.md, "How it is built"): an engine with nothing to do for
/// <see cref="IdleEngineCollectionAge"/> leaves memory, and the wake-up grain, started at every silo start, activates it
/// again before its next job is due.
/// </summary>
public static class TaskEngineLifetime
{
    public static readonly TimeSpan IdleEngineCollectionAge = TimeSpan.FromMinutes(2);

    public static ISiloBuilder CollectIdleTaskEngines(this ISiloBuilder silo)
    {
        silo.Configure<GrainCollectionOptions>(options => options.ClassSpecificCollectionAge[typeof(TaskEngineGrain).FullName!] = IdleEngineCollectionAge);
        return silo.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<IEngineWakeUpGrain>(0).StartAsync());
    }
}
