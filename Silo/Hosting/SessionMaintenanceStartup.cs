using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Silo.Hosting;

/// <summary>At every silo start: registers the hourly purge of ended sessions (idempotent).</summary>
public static class SessionMaintenanceStartup
{
    public static ISiloBuilder StartSessionMaintenance(this ISiloBuilder silo) => silo.AddStartupTask(async (services, _) =>
        await services.GetRequiredService<IGrainFactory>().GetGrain<ISessionRetentionGrain>(0).StartAsync());
}
