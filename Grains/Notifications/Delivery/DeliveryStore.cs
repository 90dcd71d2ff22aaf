using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>
/// The rows of <c>notification_deliveries</c>. The channel's delivery grain is the only writer of its rows; an
/// attempt is marked <c>in_progress</c> (attempts + 1) before it is made, so a crash mid-attempt is visible and resumed.
/// </summary>
public sealed class DeliveryStore(NpgsqlDataSource database)
{
    /// <summary>An attempt that has been in progress this long was cut off by a crash.</summary>
    public static readonly TimeSpan InterruptedAfter = TimeSpan.FromMinutes(1);

    public const string Columns = """
        id, channel_id AS ChannelId, alert_id AS AlertId, event, status, attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError,
        last_status_code AS LastStatusCode, idempotency_key AS IdempotencyKey, created_at AS CreatedAt, updated_at AS UpdatedAt, succeeded_at AS SucceededAt
        """;

    public sealed class DueRow
    {
        public long Id { get; set; }
        public long AlertId { get; set; }
        public long AlertActionId { get; set; }
        public string Event { get; set; } = "";
        public int Attempts { get; set; }
        public Guid IdempotencyKey { get; set; }
    }

    /// <summary>The channel's deliveries due now: pending or failed whose time has come, and attempts a crash cut off.</summary>
    public async Task<List<DueRow>> DueAsync(long channelId, DateTime now, int limit)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<DueRow>(
            """
            SELECT id, alert_id AS AlertId, alert_action_id AS AlertActionId, event, attempts, idempotency_key AS IdempotencyKey FROM notification_deliveries
             WHERE channel_id = @ChannelId
               AND ((status IN ('pending', 'failed') AND next_attempt_at <= @Now) OR (status = 'in_progress' AND updated_at < @Interrupted))
             ORDER BY id LIMIT @Limit
            """,
            new { ChannelId = channelId, Now = now, Interrupted = now - InterruptedAfter, Limit = limit })).ToList();
    }

    public async Task<DateTime?> NextDueAsync(long channelId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var next = await connection.ExecuteScalarAsync<DateTime?>(
            "SELECT min(next_attempt_at) FROM notification_deliveries WHERE channel_id = @ChannelId AND status IN ('pending', 'failed')",
            new { ChannelId = channelId });
        return next is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
    }

    /// <summary>Marks the attempt started; returns its number.</summary>
    public async Task<int> StartAttemptAsync(long id, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "UPDATE notification_deliveries SET status = 'in_progress', attempts = attempts + 1, updated_at = @Now WHERE id = @Id RETURNING attempts",
            new { Id = id, Now = now });
    }

    /// <summary>Records the attempt's outcome; <c>last_error</c> keeps the latest failure even after a success.</summary>
    public async Task FinishAttemptAsync(long id, DeliveryStep step, DeliveryAttemptResult result, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE notification_deliveries
               SET status = @Status, next_attempt_at = @Next, last_error = coalesce(@Error, last_error), last_status_code = @StatusCode, updated_at = @Now,
                   succeeded_at = CASE WHEN @Status = 'succeeded' THEN @Now ELSE succeeded_at END
             WHERE id = @Id
            """,
            new { Id = id, step.Status, Next = step.NextAttemptAt, Error = result.Error, result.StatusCode, Now = now });
    }

    /// <summary>A delivery that cannot be attempted at all (the channel is disabled or gone) is dead at once.</summary>
    public async Task KillAsync(long id, string error, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE notification_deliveries SET status = 'dead', next_attempt_at = NULL, last_error = @Error, updated_at = @Now WHERE id = @Id",
            new { Id = id, Error = error, Now = now });
    }

    /// <summary>A dead delivery starts over: pending now, no attempts, the same idempotency key. Null when it is not dead.</summary>
    public async Task<DeliveryRecord?> RestartAsync(long channelId, long id, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<DeliveryRecord>(
            $"""
            UPDATE notification_deliveries SET status = 'pending', attempts = 0, next_attempt_at = @Now, updated_at = @Now
             WHERE id = @Id AND channel_id = @ChannelId AND status = 'dead'
            RETURNING {Columns}
            """,
            new { Id = id, ChannelId = channelId, Now = now });
        return row is null ? null : DeliveryQueries.Utc(row);
    }
}
