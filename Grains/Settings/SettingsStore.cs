using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Settings;

/// <summary>The rows of <c>settings</c> of one organization (0: global).</summary>
public sealed class SettingsStore(NpgsqlDataSource database)
{
    public async Task<Dictionary<string, string>> ListAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<(string Key, string Value)>(
            "SELECT key AS Key, value AS Value FROM settings WHERE organization_id = @OrganizationId ORDER BY key", new { OrganizationId = organizationId }))
            .ToDictionary(row => row.Key, row => row.Value, StringComparer.Ordinal);
    }

    public async Task SetAsync(long organizationId, string key, string? value)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            value is null
                ? "DELETE FROM settings WHERE organization_id = @OrganizationId AND key = @Key"
                : """
                  INSERT INTO settings (organization_id, key, value) VALUES (@OrganizationId, @Key, @Value)
                  ON CONFLICT (organization_id, key) DO UPDATE SET value = excluded.value, updated_at = now()
                  """,
            new { OrganizationId = organizationId, Key = key, Value = value });
    }

    public async Task<long?> ChannelOwnerAsync(long channelId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>("SELECT organization_id FROM notification_channels WHERE id = @Id", new { Id = channelId });
    }
}
