using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Planekeeper.Grains.Storage;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>
/// One silo hosted in the test process whose clock the test moves forward, with the standard retry schedule, so the
/// long tiers (hours) of a delivery's retries can be walked through in seconds. Receivers on 127.0.0.1 are allowed.
/// </summary>
public sealed class ClockedNotificationSystem : RunningSystem
{
    private InProcessSilo? _silo;

    public AdjustableClock Clock { get; } = new();

    public IGrainFactory Grains => _silo!.Grains;

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["NOTIFICATION_ALLOW_PRIVATE_URLS"] = "true",
    };

    protected override async Task StartSilosAsync()
    {
        await new DatabaseMigrator(Database.ConnectionString, NullLogger.Instance).MigrateAsync();
        _silo = await InProcessSilo.StartAsync(Database, services => services.AddSingleton<TimeProvider>(Clock), SiloEnvironment);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
