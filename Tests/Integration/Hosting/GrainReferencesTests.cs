using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Metadata;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Organizations;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>The frontend's grain references, resolved once per interface, are the grains Orleans' own GetGrain names.</summary>
public class GrainReferencesTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_reference_names_the_same_grain_as_GetGrain_and_reaches_it()
    {
        await using var silo = await InProcessSilo.StartAsync(fixture.Database);
        await using var database = new NpgsqlConnection(fixture.Database.ConnectionString);
        var organization = await database.QuerySingleAsync<long>("INSERT INTO organizations (name) VALUES ('references') RETURNING id");
        var references = new GrainReferences(
            silo.Grains, silo.Services.GetRequiredService<GrainInterfaceTypeResolver>(), silo.Services.GetRequiredService<GrainInterfaceTypeToGrainTypeResolver>());

        var first = references.Get<IOrganizationGrain>(organization);
        var again = references.Get<IOrganizationGrain>(organization);

        Assert.Equal(silo.Grains.GetGrain<IOrganizationGrain>(organization).GetGrainId(), first.GetGrainId());
        Assert.Equal(first.GetGrainId(), again.GetGrainId());
        Assert.Equal(silo.Grains.GetGrain<IAgentGrain>(organization).GetGrainId(), references.Get<IAgentGrain>(organization).GetGrainId());
        Assert.NotEqual(first.GetGrainId(), references.Get<IAgentGrain>(organization).GetGrainId());
        Assert.Null(await first.GetSuspensionAsync());
    }
}
