using Dapper;
using Npgsql;
using Planekeeper.Grains.Tasks;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// The wake-up scan lists the organizations to wake soonest first, from their wake-up rows (docs/jobs.md, "How it is
/// built"), so that in a burst of thousands of idle engines the scan activates the engines whose jobs fall due first.
/// </summary>
public class WakeUpOrderTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Organizations_to_wake_come_soonest_first_whatever_their_ids_and_none_beyond_the_horizon()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Database.ConnectionString);
        await using var database = await dataSource.OpenConnectionAsync();
        var now = DateTime.UtcNow;
        // Created in this order; due in the reverse order, one overdue.
        var lastDue = await OrganizationAwakeAtAsync(database, "last", now.AddSeconds(20));
        var secondDue = await OrganizationAwakeAtAsync(database, "second", now.AddSeconds(10));
        var firstDue = await OrganizationAwakeAtAsync(database, "first", now.AddSeconds(-30));
        var later = await OrganizationAwakeAtAsync(database, "beyond the horizon", now.AddMinutes(5));
        var never = await OrganizationAwakeAtAsync(database, "nothing to do", null);

        var organizations = await new TaskStore(dataSource).OrganizationsToWakeAsync(now.AddSeconds(30), CancellationToken.None);

        Assert.Equal([firstDue, secondDue, lastDue], organizations.Where(new[] { firstDue, secondDue, lastDue, later, never }.Contains));
    }

    private static async Task<long> OrganizationAwakeAtAsync(NpgsqlConnection database, string name, DateTime? wakeAt)
    {
        var organization = await database.QuerySingleAsync<long>("INSERT INTO organizations (name) VALUES (@Name) RETURNING id", new { Name = $"wake-up order {name}" });
        await database.ExecuteAsync(
            "INSERT INTO task_engine_wake_ups (organization_id, wake_at) VALUES (@Organization, coalesce(@WakeAt::timestamptz, 'infinity'))",
            new { Organization = organization, WakeAt = wakeAt });
        return organization;
    }
}
