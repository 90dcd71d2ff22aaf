using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Notifications.Channels;

/// <summary>The rows of <c>notification_channels</c>; writes of an existing row carry its version and return null when it moved on.</summary>
public sealed class ChannelStore(NpgsqlDataSource database)
{
    public const string Columns = """
        id, organization_id AS OrganizationId, name, type, config::text AS Config, secrets, secret_names AS SecretNames,
        templates::text AS Templates, active, require_ack_auth AS RequireAckAuth, created_at AS CreatedAt, updated_at AS UpdatedAt, version
        """;

    public async Task<ChannelRow?> GetAsync(long id)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<ChannelRow>($"SELECT {Columns} FROM notification_channels WHERE id = @Id", new { Id = id });
    }

    public async Task<List<ChannelRow>> ListAsync(long organizationId, int limit, long? after)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<ChannelRow>(
            $"SELECT {Columns} FROM notification_channels WHERE organization_id = @OrganizationId AND id > @After ORDER BY id LIMIT @Limit",
            new { OrganizationId = organizationId, After = after ?? 0, Limit = limit })).ToList();
    }

    public async Task<ChannelRow> InsertAsync(ChannelRow row)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<ChannelRow>(
            $"""
            INSERT INTO notification_channels (organization_id, name, type, config, secrets, secret_names, templates, active, require_ack_auth)
            VALUES (@OrganizationId, @Name, @Type, CAST(@Config AS jsonb), @Secrets, @SecretNames, CAST(@Templates AS jsonb), @Active, @RequireAckAuth)
            RETURNING {Columns}
            """, row);
    }

    public async Task<ChannelRow?> UpdateAsync(ChannelRow row)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<ChannelRow>(
            $"""
            UPDATE notification_channels SET name = @Name, type = @Type, config = CAST(@Config AS jsonb), secrets = @Secrets, secret_names = @SecretNames,
                   templates = CAST(@Templates AS jsonb), active = @Active, require_ack_auth = @RequireAckAuth, updated_at = now(), version = version + 1
             WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """, row);
    }

    /// <summary>The names of the rules that address the channel.</summary>
    public async Task<List<string>> RuleNamesAsync(long channelId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(
            "SELECT format('%s (id %s)', name, id) FROM notification_rules WHERE channel_id = @Id ORDER BY id", new { Id = channelId })).ToList();
    }

    /// <returns>False when the row moved on or a rule started addressing it meanwhile.</returns>
    public async Task<bool> DeleteAsync(ChannelRow row)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await connection.ExecuteAsync(
                "DELETE FROM settings WHERE organization_id = @OrganizationId AND key = 'default_notification_channel_id' AND value = @Id::text",
                new { row.OrganizationId, row.Id });
            var deleted = await connection.ExecuteAsync("DELETE FROM notification_channels WHERE id = @Id AND version = @Version", new { row.Id, row.Version }) == 1;
            await transaction.CommitAsync();
            return deleted;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false;
        }
    }
}
