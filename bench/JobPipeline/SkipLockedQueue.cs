using Npgsql;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// Baseline (b): the conventional PostgreSQL queue. A worker holds its own connection; a claim is one transaction
/// (<c>SELECT … FOR UPDATE SKIP LOCKED</c> of the oldest queued job, then <c>UPDATE</c> it to in_progress), a
/// completion another (<c>UPDATE</c> to completed and <c>INSERT</c> of one release, sent together).
/// </summary>
public sealed class SkipLockedQueue : IJobWorker
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _select;
    private readonly NpgsqlCommand _start;
    private readonly NpgsqlBatch _complete;
    private long _job;

    private SkipLockedQueue(NpgsqlConnection connection, QueueTable table)
    {
        _connection = connection;
        _select = new NpgsqlCommand($"SELECT id FROM {table.Jobs} WHERE status = 'queued' ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED", connection);
        _start = new NpgsqlCommand($"UPDATE {table.Jobs} SET status = 'in_progress', started_at = now() WHERE id = $1", connection);
        _start.Parameters.Add(new NpgsqlParameter<long>());
        _complete = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"UPDATE {table.Jobs} SET status = 'completed', finished_at = now() WHERE id = $1") { Parameters = { new NpgsqlParameter<long>() } },
                new NpgsqlBatchCommand($"INSERT INTO {table.Releases} (job_id, version, released_at, prerelease) VALUES ($1, 'v1', '2026-01-01T00:00:00Z', false)")
                {
                    Parameters = { new NpgsqlParameter<long>() },
                },
            },
        };
    }

    public static async Task<SkipLockedQueue> ConnectAsync(NpgsqlDataSource database, QueueTable table)
    {
        var worker = new SkipLockedQueue(await database.OpenConnectionAsync(), table);
        await worker._select.PrepareAsync();
        await worker._start.PrepareAsync();
        await worker._complete.PrepareAsync();
        return worker;
    }

    public async Task<int> ClaimAsync()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        _select.Transaction = transaction;
        _start.Transaction = transaction;
        if (await _select.ExecuteScalarAsync() is not long job)
        {
            await transaction.RollbackAsync();
            return 0;
        }

        ((NpgsqlParameter<long>)_start.Parameters[0]).TypedValue = job;
        await _start.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        _job = job;
        return 1;
    }

    /// <summary>One round trip: a batch without an explicit transaction runs as one implicit transaction.</summary>
    public async Task CompleteAsync()
    {
        ((NpgsqlParameter<long>)_complete.BatchCommands[0].Parameters[0]).TypedValue = _job;
        ((NpgsqlParameter<long>)_complete.BatchCommands[1].Parameters[0]).TypedValue = _job;
        await _complete.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _select.DisposeAsync();
        await _start.DisposeAsync();
        await _complete.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
