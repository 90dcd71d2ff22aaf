using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Dashboard;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.Silo.Hosting;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>The cluster dashboard times grain calls only when PLANEKEEPER_DASHBOARD_GRAIN_CALLS says so.</summary>
public class DashboardGrainCallsTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task By_default_no_dashboard_filter_sits_in_grain_calls_and_calls_still_work()
    {
        await using var silo = await InProcessSilo.StartAsync(fixture.Database);
        await using var database = new NpgsqlConnection(fixture.Database.ConnectionString);
        var organization = await database.QuerySingleAsync<long>("INSERT INTO organizations (name) VALUES ('untimed calls') RETURNING id");

        Assert.Empty(DashboardFilters(silo));
        Assert.Null(await silo.Grains.GetGrain<IOrganizationGrain>(organization).GetSuspensionAsync());
    }

    [Fact]
    public async Task The_setting_keeps_the_dashboards_timing_of_every_call()
    {
        await using var silo = await InProcessSilo.StartAsync(fixture.Database, settings: new Dictionary<string, string> { [DashboardGrainCalls.Setting] = "true" });

        Assert.Single(DashboardFilters(silo));
    }

    private static IEnumerable<IIncomingGrainCallFilter> DashboardFilters(InProcessSilo silo) =>
        silo.Services.GetServices<IIncomingGrainCallFilter>().Where(filter => filter.GetType().Assembly == typeof(DashboardOptions).Assembly);
}
