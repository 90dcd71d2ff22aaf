using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Jobs.Scrape;

namespace Planekeeper.Grains.Jobs.Scrape;

/// <summary>A scrape job's version snapshots; written only by that job's grain.</summary>
public sealed class VersionSnapshotStore(NpgsqlDataSource database)
{
    private const string Columns = "id, version, found_at AS FoundAt, commit_sha AS CommitSha, source";

    /// <summary>Adds a snapshot and drops the oldest beyond <paramref name="historyLimit"/>, in one transaction.</summary>
    public async Task<VersionSnapshot> AddAsync(long scrapeJobId, long organizationId, string version, DateTime foundAt, string? commitSha, string source, int historyLimit)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var snapshot = await connection.QuerySingleAsync<VersionSnapshot>(
            $"""
            INSERT INTO version_snapshots (scrape_job_id, organization_id, version, found_at, commit_sha, source)
            VALUES (@ScrapeJobId, @OrganizationId, @Version, @FoundAt, @CommitSha, @Source)
            RETURNING {Columns}
            """,
            new { ScrapeJobId = scrapeJobId, OrganizationId = organizationId, Version = version, FoundAt = foundAt, CommitSha = commitSha, Source = source },
            transaction);
        await connection.ExecuteAsync(
            """
            DELETE FROM version_snapshots
             WHERE scrape_job_id = @ScrapeJobId
               AND id NOT IN (SELECT id FROM version_snapshots WHERE scrape_job_id = @ScrapeJobId ORDER BY id DESC LIMIT @HistoryLimit)
            """,
            new { ScrapeJobId = scrapeJobId, HistoryLimit = historyLimit },
            transaction);
        await transaction.CommitAsync();
        return snapshot;
    }

    public async Task<IReadOnlyList<VersionSnapshot>> ListAsync(long scrapeJobId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<VersionSnapshot>(
            $"SELECT {Columns} FROM version_snapshots WHERE scrape_job_id = @ScrapeJobId ORDER BY id DESC", new { ScrapeJobId = scrapeJobId })).ToList();
    }
}
