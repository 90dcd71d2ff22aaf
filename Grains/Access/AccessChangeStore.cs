using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Access;

namespace Planekeeper.Grains.Access;

/// <summary>
/// The rows of <c>access_changes</c> (docs/security.md, "Verified API keys"): a change of an API key's acceptance or of
/// an organization's suspension is recorded before it is made, numbered in the order the recordings commit.
/// </summary>
public sealed class AccessChangeStore(NpgsqlDataSource database)
{
    /// <summary>How long a recorded change is kept: a frontend that read none for this long starts over.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    /// <summary>The most changes one read returns; the next read goes on from the last of them.</summary>
    public const int MostPerRead = 1_000;

    public async Task RecordAsync(AccessChangeKind kind, long subjectId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            WITH next AS (UPDATE access_change_counter SET seq = seq + 1 RETURNING seq)
            INSERT INTO access_changes (seq, kind, subject_id) SELECT seq, @Kind, @SubjectId FROM next;
            DELETE FROM access_changes WHERE changed_at < now() - @Kept;
            """,
            new { Kind = kind == AccessChangeKind.ApiKey ? "api_key" : "suspension", SubjectId = subjectId, Kept });
    }

    /// <summary>
    /// The changes after <paramref name="after"/>. The counter is read before the rows, so the rows hold every change up
    /// to it; a change missing from the rows was dropped (older than <see cref="Kept"/>) and the reader starts over.
    /// </summary>
    public async Task<AccessChanges> SinceAsync(long after)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var results = await connection.QueryMultipleAsync(
            """
            SELECT seq FROM access_change_counter;
            SELECT seq AS Seq, kind AS Kind, subject_id AS SubjectId FROM access_changes WHERE seq > @After ORDER BY seq LIMIT @Most;
            """,
            new { After = after, Most = MostPerRead });
        var counter = await results.ReadSingleAsync<long>();
        var rows = (await results.ReadAsync<(long Seq, string Kind, long SubjectId)>()).ToList();
        var changes = rows.Select(row => new AccessChange(row.Seq, row.Kind == "api_key" ? AccessChangeKind.ApiKey : AccessChangeKind.Suspension, row.SubjectId)).ToList();
        var missing = after < 0 || counter < after || (rows.Count == 0 ? counter > after : rows[0].Seq != after + 1);
        return missing
            ? new AccessChanges(Math.Max(counter, changes.LastOrDefault()?.Seq ?? 0), [], StartOver: true)
            : new AccessChanges(changes.LastOrDefault()?.Seq ?? after, changes, StartOver: false);
    }
}
