using Npgsql;
using NpgsqlTypes;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// Ceiling (c): the same durable transitions as <see cref="SkipLockedQueue"/>, <see cref="BatchSize"/> rows per
/// transaction. A claim is one statement (<c>UPDATE … WHERE id IN (SELECT … LIMIT 50 FOR UPDATE SKIP LOCKED)
/// RETURNING id</c>), a completion one <c>UPDATE … WHERE id = ANY(…)</c> with one <c>INSERT</c> of a release per job,
/// sent together as one transaction.
/// </summary>
public sealed class BatchedQueue : IJobWorker
{
    public const int BatchSize = 50;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _claim;
    private readonly NpgsqlBatch _complete;
    private readonly List<long> _jobs = new(BatchSize);

    private BatchedQueue(NpgsqlConnection connection, QueueTable table)
    {
        _connection = connection;
        _claim = new NpgsqlCommand(
            $"""
            UPDATE {table.Jobs} SET status = 'in_progress', started_at = now()
             WHERE id IN (SELECT id FROM {table.Jobs} WHERE status = 'queued' ORDER BY next_run_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING id
            """,
            connection);
        _complete = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"UPDATE {table.Jobs} SET status = 'completed', finished_at = now() WHERE id = ANY($1)") { Parameters = { Ids() } },
                new NpgsqlBatchCommand(
                    $"INSERT INTO {table.Releases} (job_id, version, released_at, prerelease) SELECT u.id, 'v1', '2026-01-01T00:00:00Z', false FROM unnest($1) AS u(id)")
                {
                    Parameters = { Ids() },
                },
            },
        };
    }

    public static async Task<BatchedQueue> ConnectAsync(NpgsqlDataSource database, QueueTable table)
    {
        var worker = new BatchedQueue(await database.OpenConnectionAsync(), table);
        await worker._claim.PrepareAsync();
        await worker._complete.PrepareAsync();
        return worker;
    }

    public async Task<int> ClaimAsync()
    {
        _jobs.Clear();
        await using var reader = await _claim.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _jobs.Add(reader.GetInt64(0));
        }

        return _jobs.Count;
    }

    public async Task CompleteAsync()
    {
        var ids = _jobs.ToArray();
        _complete.BatchCommands[0].Parameters[0].Value = ids;
        _complete.BatchCommands[1].Parameters[0].Value = ids;
        await _complete.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _claim.DisposeAsync();
        await _complete.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static NpgsqlParameter Ids() => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint };
}
