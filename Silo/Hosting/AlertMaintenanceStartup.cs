using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// At every silo start: the alert reconciliation pass runs at once (a silo that died mid-evaluation is made good
/// by the next one that starts) and the reconciliation and retention reminders are registered (idempotent).
/// </summary>
public static class AlertMaintenanceStartup
{
    public static ISiloBuilder StartAlertMaintenance(this ISiloBuilder silo) => silo.AddStartupTask(async (services, _) =>
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IAlertRetentionGrain>(0).StartAsync();
        await grains.GetGrain<IAlertReconciliationGrain>(0).StartAsync();
        await grains.GetGrain<IDeliveryRecoveryGrain>(0).StartAsync();
    });
}
