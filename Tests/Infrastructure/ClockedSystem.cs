using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Planekeeper.Grains.Identity;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// One silo hosted in the test process whose clock the test moves forward (and whose grains it can call), with a
/// frontend process, so hours and days of schedules and timeouts pass in seconds.
/// </summary>
public class ClockedSystem : RunningSystem
{
    private InProcessSilo? _silo;

    public AdjustableClock Clock { get; } = new();

    public IGrainFactory Grains => _silo!.Grains;

    public IServiceProvider SiloServices => _silo!.Services;

    protected override async Task StartSilosAsync()
    {
        await new DatabaseMigrator(Database.ConnectionString, NullLogger.Instance).MigrateAsync();
        _silo = await InProcessSilo.StartAsync(Database, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureSilo(services);
        }, SiloEnvironment);
    }

    /// <summary>The first global admin (<see cref="RunningSystem.AdminEmail"/>), as a silo process creates it on an empty database.</summary>
    protected async Task CreateFirstAdminAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        await new FirstAdminBootstrap(dataSource).EnsureAsync(AdminEmail, AdminPassword);
    }

    /// <summary>Services a test class adds to the silo, such as a grain call filter that reports what the silo is doing.</summary>
    protected virtual void ConfigureSilo(IServiceCollection services)
    {
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
