using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Notifications;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>Read-only queries over deliveries, one statement each.</summary>
public sealed class DeliveryQueries(NpgsqlDataSource database)
{
    public async Task<List<DeliveryRecord>> ListAsync(long organizationId, string? status, int limit, long? before)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<DeliveryRecord>(
            $"""
            SELECT {DeliveryStore.Columns} FROM notification_deliveries
             WHERE organization_id = @OrganizationId AND id < @Before AND (@Status::text IS NULL OR status = @Status)
             ORDER BY id DESC LIMIT @Limit
            """,
            new { OrganizationId = organizationId, Status = status, Before = before ?? long.MaxValue, Limit = limit });
        return rows.Select(Utc).ToList();
    }

    public async Task<List<DeliveryRecord>> OfAlertAsync(long alertId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<DeliveryRecord>(
            $"SELECT {DeliveryStore.Columns} FROM notification_deliveries WHERE alert_id = @AlertId ORDER BY id", new { AlertId = alertId });
        return rows.Select(Utc).ToList();
    }

    /// <summary>The delivery's channel, when it belongs to the organization.</summary>
    public async Task<long?> ChannelOfAsync(long organizationId, long deliveryId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT channel_id FROM notification_deliveries WHERE id = @Id AND organization_id = @OrganizationId",
            new { Id = deliveryId, OrganizationId = organizationId });
    }

    public async Task<ChannelStats> StatsAsync(long channelId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<ChannelStats>(
            """
            SELECT count(*) FILTER (WHERE status = 'succeeded') AS Sent,
                   count(*) FILTER (WHERE status = 'failed') AS Failed,
                   count(*) FILTER (WHERE status = 'dead') AS Dead,
                   count(*) FILTER (WHERE status IN ('pending', 'in_progress')) AS Pending,
                   max(succeeded_at) AS LastSuccessAt,
                   (SELECT last_error FROM notification_deliveries WHERE channel_id = @ChannelId AND last_error IS NOT NULL ORDER BY updated_at DESC LIMIT 1) AS LastError,
                   max(updated_at) FILTER (WHERE last_error IS NOT NULL AND status <> 'succeeded') AS LastErrorAt
              FROM notification_deliveries WHERE channel_id = @ChannelId
            """,
            new { ChannelId = channelId });
    }

    /// <summary>Channels with deliveries due now, or attempts a crash cut off: the recovery pass wakes their grains.</summary>
    public async Task<List<long>> ChannelsWithDueDeliveriesAsync(DateTime now)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<long>(
            """
            SELECT DISTINCT channel_id FROM notification_deliveries
             WHERE (status IN ('pending', 'failed') AND next_attempt_at <= @Now) OR (status = 'in_progress' AND updated_at < @Interrupted)
            """,
            new { Now = now, Interrupted = now - DeliveryStore.InterruptedAfter })).ToList();
    }

    public async Task<int> PurgeSucceededAsync(DateTime before)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM notification_deliveries WHERE status = 'succeeded' AND succeeded_at < @Before", new { Before = before });
    }

    public static DeliveryRecord Utc(DeliveryRecord row) => row with
    {
        NextAttemptAt = Utc(row.NextAttemptAt),
        CreatedAt = DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc),
        UpdatedAt = DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc),
        SucceededAt = Utc(row.SucceededAt),
    };

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
