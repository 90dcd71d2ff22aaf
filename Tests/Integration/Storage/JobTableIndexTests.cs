using Dapper;
using Npgsql;
using Planekeeper.Grains.Jobs;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Storage;

/// <summary>
/// No index of a job table covers a column the task engine changes on a claim or a completion, so that those
/// updates stay heap-only (docs/jobs.md, "How it is built"): one such index, even partial, makes every update of a
/// run write an entry in every index of the table.
/// </summary>
public class JobTableIndexTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly string[] RunColumns =
        ["status", "next_run_at", "last_run_at", "last_error", "attempt", "lease_id", "lease_agent_id", "lease_expires_at", "started_at", "run_version"];

    [Fact]
    public async Task No_index_of_a_job_table_covers_or_filters_on_a_run_column()
    {
        await using var database = new NpgsqlConnection(fixture.Database.ConnectionString);
        var indexes = (await database.QueryAsync<(string Table, string Index, string Definition)>(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(@Tables)",
            new { Tables = JobKind.All.Select(kind => kind.Table).ToArray() })).ToList();

        Assert.NotEmpty(indexes);
        var covering = indexes.Where(index => RunColumns.Any(column => System.Text.RegularExpressions.Regex.IsMatch(index.Definition, $@"\b{column}\b"))).ToList();
        Assert.True(covering.Count == 0, "indexes on run columns: " + string.Join("; ", covering.Select(index => index.Definition)));
    }
}
