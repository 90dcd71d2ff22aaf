using Microsoft.Extensions.Logging.Abstractions;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>A fresh database on the shared server with every migration applied, one per test class.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared;
        Database = await server.CreateDatabaseAsync(GetType().Name);
        await new DatabaseMigrator(Database.ConnectionString, NullLogger.Instance).MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
