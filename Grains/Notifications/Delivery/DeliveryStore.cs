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

    /// <summary>A delivery whose attempt has just been started.</summary>
    public sealed class StartedRow
    {
        public long Id { get; set; }
        public long AlertId { get; set; }
        public long AlertActionId { get; set; }
        public string Event { get; set; } = "";

        /// <summary>This attempt's number.</summary>
        public int Attempts { get; set; }

        public Guid IdempotencyKey { get; set; }
    }

    private const string IsDue = """
        channel_id = @ChannelId
        AND ((status IN ('pending', 'failed') AND next_attempt_at <= @Now) OR (status = 'in_progress' AND updated_at < @Interrupted))
        """;

    /// <summary>
    /// Starts the attempts of up to <paramref name="limit"/> due deliveries, oldest first, in one statement: each is
    /// marked <c>in_progress</c> with its attempt counted before it is made. Due: pending or failed whose time has
    /// come, and attempts a crash cut off.
    /// </summary>
    public async Task<List<StartedRow>> StartDueAsync(long channelId, DateTime now, int limit)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<StartedRow>(
            $"""
            UPDATE notification_deliveries SET status = 'in_progress', attempts = attempts + 1, updated_at = @Now
             WHERE id IN (SELECT id FROM notification_deliveries WHERE {IsDue} ORDER BY id LIMIT @Limit)
            RETURNING id, alert_id AS AlertId, alert_action_id AS AlertActionId, event, attempts, idempotency_key AS IdempotencyKey
            """,
            new { ChannelId = channelId, Now = now, Interrupted = now - InterruptedAfter, Limit = limit })).OrderBy(row => row.Id).ToList();
    }

    /// <summary>Every due delivery of a channel that cannot send (disabled or deleted) is dead at once, without an attempt; returns how many.</summary>
    public async Task<int> KillDueAsync(long channelId, string error, DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync(
            $"UPDATE notification_deliveries SET status = 'dead', next_attempt_at = NULL, last_error = @Error, updated_at = @Now WHERE {IsDue}",
            new { ChannelId = channelId, Error = error, Now = now, Interrupted = now - InterruptedAfter });
    }

    public async Task<DateTime?> NextDueAsync(long channelId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var next = await connection.ExecuteScalarAsync<DateTime?>(
            "SELECT min(next_attempt_at) FROM notification_deliveries WHERE channel_id = @ChannelId AND status IN ('pending', 'failed')",
            new { ChannelId = channelId });
        return next is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
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
