using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Channels;

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

    /// <summary>
    /// A delivery whose attempt has just been started, read with its notice's columns (all default when the alert is
    /// gone: <see cref="NoticeStore.NoticeRow.ActionId"/> is then 0).
    /// </summary>
    public sealed class StartedRow : NoticeStore.NoticeRow
    {
        public long Id { get; set; }
        public long AlertActionId { get; set; }

        /// <summary>This attempt's number.</summary>
        public int Attempts { get; set; }

        public Guid IdempotencyKey { get; set; }
    }

    private const string IsDue = """
        channel_id = @ChannelId
        AND ((status IN ('pending', 'failed') AND next_attempt_at <= @Now) OR (status = 'in_progress' AND updated_at < @Interrupted))
        """;

    /// <summary>
    /// The start of a delivery pass, in one round trip (one implicit transaction): starts the attempts of up to
    /// <paramref name="limit"/> due deliveries, oldest first, when the channel is active — each marked
    /// <c>in_progress</c> with its attempt counted before it is made; due: pending or failed whose time has come, and
    /// attempts a crash cut off — and reads their notices, the channel, the template settings of its organization and
    /// the global ones, and when the next delivery not started is due.
    /// </summary>
    public async Task<PassStart> StartPassAsync(long channelId, DateTime now, int limit)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var results = await connection.QueryMultipleAsync(
            $"""
            WITH started AS (
                UPDATE notification_deliveries SET status = 'in_progress', attempts = attempts + 1, updated_at = @Now
                 WHERE id IN (SELECT id FROM notification_deliveries WHERE {IsDue} ORDER BY id LIMIT @Limit)
                   AND EXISTS (SELECT 1 FROM notification_channels WHERE id = @ChannelId AND active)
                RETURNING id, alert_id, alert_action_id, event, attempts, idempotency_key)
            SELECT st.id, st.alert_action_id AS AlertActionId, st.attempts, st.idempotency_key AS IdempotencyKey, n.*
              FROM started st
              LEFT JOIN LATERAL ({NoticeStore.Select} WHERE a.id = st.alert_action_id) n ON true
             ORDER BY st.id;
            SELECT {ChannelStore.Columns} FROM notification_channels WHERE id = @ChannelId;
            SELECT organization_id AS OrganizationId, key AS Key, value AS Value FROM settings
             WHERE key LIKE 'notification_template.%' AND organization_id IN (0, (SELECT organization_id FROM notification_channels WHERE id = @ChannelId));
            SELECT min(next_attempt_at) FROM notification_deliveries WHERE channel_id = @ChannelId AND status IN ('pending', 'failed');
            """,
            new { ChannelId = channelId, Now = now, Interrupted = now - InterruptedAfter, Limit = limit });
        var started = (await results.ReadAsync<StartedRow>()).ToList();
        var notices = started.Where(delivery => delivery.ActionId != 0).ToDictionary(delivery => delivery.ActionId, delivery => (NoticeStore.NoticeRow)delivery);
        var channel = await results.ReadSingleOrDefaultAsync<ChannelRow>();
        var settings = (await results.ReadAsync<PassStart.Setting>()).ToList();
        var next = await results.ReadSingleAsync<DateTime?>();
        return new PassStart(started, notices, channel, settings, next is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
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

    /// <summary>Records attempts' outcomes in one statement; <c>last_error</c> keeps the latest failure even after a success.</summary>
    public async Task FinishAttemptsAsync(IReadOnlyList<DeliveryOutcome> outcomes)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE notification_deliveries d
               SET status = o.status, next_attempt_at = o.next, last_error = coalesce(o.error, d.last_error), last_status_code = o.code, updated_at = o.at,
                   succeeded_at = CASE WHEN o.status = 'succeeded' THEN o.at ELSE d.succeeded_at END
              FROM unnest(@Ids, @Statuses, @Nexts, @Errors, @Codes, @Ats) AS o(id, status, next, error, code, at)
             WHERE d.id = o.id
            """,
            new
            {
                Ids = outcomes.Select(o => o.DeliveryId).ToArray(), Statuses = outcomes.Select(o => o.Step.Status).ToArray(),
                Nexts = outcomes.Select(o => o.Step.NextAttemptAt).ToArray(), Errors = outcomes.Select(o => o.Result.Error).ToArray(),
                Codes = outcomes.Select(o => o.Result.StatusCode).ToArray(), Ats = outcomes.Select(o => o.At).ToArray(),
            });
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
