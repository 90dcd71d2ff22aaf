using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// One silo hosted in the test process, whose clock the test moves forward and whose grain factory the test can
/// reach; the frontends are real processes.
/// </summary>
public class ClockedSystem : RunningSystem
{
    private InProcessSilo? _silo;

    public AdjustableClock Clock { get; } = new();

    public IGrainFactory Grains => _silo!.Grains;

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
