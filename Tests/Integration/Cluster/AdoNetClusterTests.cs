using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Planekeeper.Configuration;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Cluster;

/// <summary>
/// Silos configured as in production (ADO.NET membership and reminders on PostgreSQL), several per test, sharing
/// one migrated database. The product's grains keep their state in their own tables; these tests add the ADO.NET
/// grain storage (whose table migration 004 keeps) for their probe grains, which observe the cluster through it.
/// </summary>
public class AdoNetClusterTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private void WithProbeStorage(IServiceCollection services) =>
        services.AddAdoNetGrainStorage("Default", options =>
        {
            options.Invariant = PostgresSettings.AdoNetInvariant;
            options.ConnectionString = fixture.Database.Settings.ConnectionString;
        });

    [Fact]
    public async Task Grain_state_outlives_the_silo_that_hosted_it()
    {
        await using var first = await InProcessSilo.StartAsync(fixture.Database, WithProbeStorage);
        await using var second = await InProcessSilo.StartAsync(fixture.Database, WithProbeStorage);
        var key = Guid.NewGuid().ToString();

        var onFirst = first.Grains.GetGrain<IStatefulProbeGrain>(key);
        await onFirst.IncrementAsync();
        await onFirst.IncrementAsync();
        Assert.Equal(3, await onFirst.IncrementAsync());
        var firstSilo = await onFirst.SiloAsync();
        Assert.Contains($":{first.SiloPort}:", firstSilo);

        await first.StopAsync();

        var onSecond = second.Grains.GetGrain<IStatefulProbeGrain>(key);
        Assert.Equal(3, await onSecond.ReadAsync());
        Assert.Contains($":{second.SiloPort}:", await onSecond.SiloAsync());
        Assert.Equal(4, await onSecond.IncrementAsync());
    }

    [Fact]
    public async Task A_reminder_fires_and_keeps_firing_after_the_silo_restarts()
    {
        var key = Guid.NewGuid().ToString();
        int ticksBeforeRestart;
        await using (var silo = await InProcessSilo.StartAsync(fixture.Database, WithProbeStorage))
        {
            var probe = silo.Grains.GetGrain<IReminderProbeGrain>(key);
            await probe.StartTickingAsync(TimeSpan.FromSeconds(1));
            ticksBeforeRestart = await Eventually.ReturnsAsync(probe.TicksAsync, ticks => ticks >= 2, Patience, "two reminder ticks");
        }

        await using var restarted = await InProcessSilo.StartAsync(fixture.Database, WithProbeStorage);
        var again = restarted.Grains.GetGrain<IReminderProbeGrain>(key);
        try
        {
            var atRestart = await again.TicksAsync();
            Assert.True(atRestart >= ticksBeforeRestart, "the ticks stored before the restart are kept");
            await Eventually.ReturnsAsync(again.TicksAsync, ticks => ticks >= atRestart + 2, Patience, "ticks after the restart");
        }
        finally
        {
            await again.StopTickingAsync();
        }
    }
}
