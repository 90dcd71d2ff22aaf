using System.Text.Json;
using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Interfaces.Upstreams;

namespace Planekeeper.Grains.Upstreams;

/// <summary>The <c>upstreams</c> rows: each written only by its upstream's grain.</summary>
public sealed class UpstreamStore(NpgsqlDataSource database)
{
    public sealed class UpstreamRow
    {
        public string Key { get; init; } = "";
        public string Releases { get; init; } = "[]";
        public string? Etag { get; init; }
        public DateTime? LastModified { get; init; }
        public DateTime? FetchedAt { get; init; }
        public long RequestsMade { get; init; }
        public long RequestsSaved { get; init; }

        public IReadOnlyList<FoundRelease> ReleaseList => JsonSerializer.Deserialize<List<FoundRelease>>(Releases, JsonSerializerOptions.Web)!;
    }

    private const string Columns = "key, releases::text AS Releases, etag, last_modified AS LastModified, fetched_at AS FetchedAt, requests_made AS RequestsMade, requests_saved AS RequestsSaved";

    public async Task<UpstreamRow?> GetAsync(string key)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<UpstreamRow>($"SELECT {Columns} FROM upstreams WHERE key = @Key", new { Key = key });
    }

    public async Task SaveAsync(string key, IReadOnlyList<FoundRelease> releases, UpstreamValidators? validators, DateTime? fetchedAt, long made, long saved)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO upstreams (key, releases, etag, last_modified, fetched_at, requests_made, requests_saved)
            VALUES (@Key, CAST(@Releases AS jsonb), @Etag, @LastModified, @FetchedAt, @Made, @Saved)
            ON CONFLICT (key) DO UPDATE SET releases = EXCLUDED.releases, etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
                fetched_at = EXCLUDED.fetched_at, requests_made = EXCLUDED.requests_made, requests_saved = EXCLUDED.requests_saved
            """,
            new
            {
                Key = key, Releases = JsonSerializer.Serialize(releases, JsonSerializerOptions.Web), Etag = validators?.ETag,
                validators?.LastModified, FetchedAt = fetchedAt, Made = made, Saved = saved,
            });
    }

    public async Task<List<UpstreamRow>> ListAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<UpstreamRow>($"SELECT {Columns} FROM upstreams ORDER BY key")).ToList();
    }
}
