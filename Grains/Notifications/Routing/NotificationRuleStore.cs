using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>
/// The rows of <c>notification_rules</c>; writes carry the version and return null when the row moved on. A rule's
/// <c>matched</c> and <c>skipped</c> are its columns plus the counts the router appended since the last fold
/// (migration 024, docs/notifications.md, "Rules"), so they are exact at once; <see cref="FoldCountsAsync"/> folds them.
/// </summary>
public sealed class NotificationRuleStore(NpgsqlDataSource database)
{
    private const string Columns = """
        id, organization_id AS OrganizationId, name, active, priority, event_types AS EventTypes, severities, channel_id AS ChannelId,
        matched + (SELECT coalesce(sum(c.matched), 0) FROM notification_rule_counts c WHERE c.rule_id = notification_rules.id)::bigint AS matched,
        skipped + (SELECT coalesce(sum(c.skipped), 0) FROM notification_rule_counts c WHERE c.rule_id = notification_rules.id)::bigint AS skipped,
        created_at AS CreatedAt, updated_at AS UpdatedAt, version
        """;

    public async Task<NotificationRuleRow?> GetAsync(long id)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<NotificationRuleRow>($"SELECT {Columns} FROM notification_rules WHERE id = @Id", new { Id = id });
    }

    public async Task<List<NotificationRuleRow>> ListAsync(long organizationId, int limit, long? after)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<NotificationRuleRow>(
            $"SELECT {Columns} FROM notification_rules WHERE organization_id = @OrganizationId AND id > @After ORDER BY id LIMIT @Limit",
            new { OrganizationId = organizationId, After = after ?? 0, Limit = limit })).ToList();
    }

    public async Task<List<NotificationRuleRow>> ActiveAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<NotificationRuleRow>(
            $"SELECT {Columns} FROM notification_rules WHERE organization_id = @OrganizationId AND active", new { OrganizationId = organizationId })).ToList();
    }

    public async Task<NotificationRuleRow> InsertAsync(NotificationRuleRow row)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<NotificationRuleRow>(
            $"""
            INSERT INTO notification_rules (organization_id, name, active, priority, event_types, severities, channel_id)
            VALUES (@OrganizationId, @Name, @Active, @Priority, @EventTypes, @Severities, @ChannelId)
            RETURNING {Columns}
            """, row);
    }

    public async Task<NotificationRuleRow?> UpdateAsync(NotificationRuleRow row)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<NotificationRuleRow>(
            $"""
            UPDATE notification_rules SET name = @Name, active = @Active, priority = @Priority, event_types = @EventTypes, severities = @Severities,
                   channel_id = @ChannelId, updated_at = now(), version = version + 1
             WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """, row);
    }

    public async Task<bool> DeleteAsync(NotificationRuleRow row)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM notification_rules WHERE id = @Id AND version = @Version", new { row.Id, row.Version }) == 1;
    }

    /// <summary>
    /// Moves the counts the router appended into their rules' columns in one statement (a reader sees them on one side
    /// or the other, never both); counts of deleted rules are dropped. Rows appended meanwhile wait for the next fold.
    /// Returns the rows folded.
    /// </summary>
    public async Task<int> FoldCountsAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            """
            WITH taken AS (DELETE FROM notification_rule_counts RETURNING rule_id, matched, skipped),
            folded AS (
                UPDATE notification_rules r SET matched = r.matched + t.m, skipped = r.skipped + t.s
                  FROM (SELECT rule_id, sum(matched) AS m, sum(skipped) AS s FROM taken GROUP BY rule_id) t
                 WHERE r.id = t.rule_id)
            SELECT count(*) FROM taken
            """);
    }

    /// <summary>The organization that owns the channel, or null when there is no such channel.</summary>
    public async Task<long?> ChannelOwnerAsync(long channelId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>("SELECT organization_id FROM notification_channels WHERE id = @Id", new { Id = channelId });
    }

    /// <summary>The organization's default channel setting, when it names a channel that exists.</summary>
    public async Task<long?> DefaultChannelAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>(
            """
            SELECT c.id FROM settings s JOIN notification_channels c ON c.id::text = s.value AND c.organization_id = s.organization_id
             WHERE s.organization_id = @OrganizationId AND s.key = 'default_notification_channel_id'
            """, new { OrganizationId = organizationId });
    }
}
