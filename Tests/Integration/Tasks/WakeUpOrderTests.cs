using Dapper;
using Npgsql;
using Planekeeper.Grains.Tasks;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// The wake-up scan lists the organizations to wake soonest due first (docs/jobs.md, "How it is built"), so that in a
/// burst of thousands of idle engines the scan activates the engines whose jobs fall due first before the others.
/// </summary>
public class WakeUpOrderTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Organizations_to_wake_come_soonest_due_first_whatever_their_ids_and_kinds_of_moment()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Database.ConnectionString);
        await using var database = await dataSource.OpenConnectionAsync();
        var now = DateTime.UtcNow;
        // Created in this order; due in the reverse order, one of them by a lease that ends, one overdue.
        var lastDue = await OrganizationWithJobAsync(database, "last", "pending", nextRunAt: now.AddSeconds(20));
        var secondDue = await OrganizationWithJobAsync(database, "second", "in_progress", leaseEndsAt: now.AddSeconds(10));
        var firstDue = await OrganizationWithJobAsync(database, "first", "completed", nextRunAt: now.AddSeconds(-30));
        var later = await OrganizationWithJobAsync(database, "beyond the horizon", "pending", nextRunAt: now.AddMinutes(5));
        // An organization's soonest moment counts: this one's second job makes it due before "last".
        var alsoSecond = await OrganizationWithJobAsync(database, "two jobs", "pending", nextRunAt: now.AddSeconds(25));
        await AddJobAsync(database, alsoSecond, "sooner", "failed", nextRunAt: now.AddSeconds(15), leaseEndsAt: null);

        var organizations = await new TaskStore(dataSource).OrganizationsToWakeAsync(now.AddSeconds(30), CancellationToken.None);

        Assert.Equal([firstDue, secondDue, alsoSecond, lastDue], organizations);
        Assert.DoesNotContain(later, organizations);
    }

    private static async Task<long> OrganizationWithJobAsync(NpgsqlConnection database, string name, string status, DateTime? nextRunAt = null, DateTime? leaseEndsAt = null)
    {
        var organization = await database.QuerySingleAsync<long>("INSERT INTO organizations (name) VALUES (@Name) RETURNING id", new { Name = $"wake-up order {name}" });
        await AddJobAsync(database, organization, name, status, nextRunAt, leaseEndsAt);
        return organization;
    }

    private static Task AddJobAsync(NpgsqlConnection database, long organization, string name, string status, DateTime? nextRunAt, DateTime? leaseEndsAt) =>
        database.ExecuteAsync(
            """
            INSERT INTO gather_jobs (organization_id, name, source_type, artifact_name, schedule, status, next_run_at, lease_expires_at)
            VALUES (@Organization, @Name, 'github_releases', 'github.com/wake/' || @Name, '0 * * * *', @Status, @NextRunAt, @LeaseEndsAt)
            """,
            new { Organization = organization, Name = name, Status = status, NextRunAt = nextRunAt, LeaseEndsAt = leaseEndsAt });
}
