using Npgsql;

namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>
/// The row count and a hash of every row of every table in <c>public</c>, to show that refused requests wrote nothing.
/// Left out, because they change without any refused request writing them:
/// <list type="bullet">
/// <item>Orleans' tables (<c>orleans*</c>): membership rows are rewritten every few seconds, reminders and grain state by timers.</item>
/// <item>The columns <see cref="VolatileColumns"/>: an API key's <c>last_used_at</c> is written when the key
/// authenticates any request, refused or not (and a session's <c>last_seen_at</c>, if it gets one, likewise).</item>
/// </list>
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    public static readonly string[] VolatileColumns = ["last_used_at", "last_seen_at"];

    public static async Task<DatabaseSnapshot> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'orleans%' ORDER BY 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var strip = string.Concat(VolatileColumns.Select(column => $" - '{column}'"));
        var snapshot = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var hash = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(r, ',' ORDER BY r)), '') FROM (SELECT (to_jsonb(t){strip})::text AS r FROM \"{table}\" t) rows",
                connection);
            snapshot[table] = (string)(await hash.ExecuteScalarAsync())!;
        }

        return new DatabaseSnapshot(snapshot);
    }

    /// <summary>The tables whose rows differ between the two snapshots.</summary>
    public IReadOnlyList<string> ChangedSince(DatabaseSnapshot before) =>
        Tables.Where(table => !before.Tables.TryGetValue(table.Key, out var earlier) || earlier != table.Value).Select(table => table.Key)
            .Concat(before.Tables.Keys.Where(table => !Tables.ContainsKey(table)))
            .ToList();
}
