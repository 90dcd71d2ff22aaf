using System.Data;
using Dapper;
using Npgsql;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Settings;

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

    /// <summary>The values and their version, read at one moment.</summary>
    public async Task<SettingsRecord> ReadAsync(long organizationId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        var parameters = new { OrganizationId = organizationId };
        var version = await connection.ExecuteScalarAsync<int>("SELECT settings_version FROM organizations WHERE id = @OrganizationId", parameters, transaction);
        var values = (await connection.QueryAsync<(string Key, string Value)>(
            "SELECT key AS Key, value AS Value FROM settings WHERE organization_id = @OrganizationId ORDER BY key", parameters, transaction))
            .ToDictionary(row => row.Key, row => row.Value, StringComparer.Ordinal);
        await transaction.CommitAsync();
        return new SettingsRecord(values, version);
    }

    /// <summary>
    /// Moves the organization's settings version (only from a version <paramref name="expected"/> allows; null: any)
    /// and writes the setting, in one transaction (docs/api.md, "ETags and If-Match").
    /// </summary>
    /// <returns>The new version, or null when the settings were at another version: nothing was written.</returns>
    public async Task<int?> SetAsync(long organizationId, string key, string? value, ExpectedVersion? expected)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var version = await connection.QuerySingleOrDefaultAsync<int?>(
            """
            UPDATE organizations SET settings_version = settings_version + 1
             WHERE id = @OrganizationId AND (@Any OR settings_version = ANY(@Versions))
            RETURNING settings_version
            """,
            new { OrganizationId = organizationId, Any = expected is null, Versions = (expected?.Versions ?? []).ToArray() }, transaction);
        if (version is null)
        {
            return null;
        }

        await connection.ExecuteAsync(
            value is null
                ? "DELETE FROM settings WHERE organization_id = @OrganizationId AND key = @Key"
                : """
                  INSERT INTO settings (organization_id, key, value) VALUES (@OrganizationId, @Key, @Value)
                  ON CONFLICT (organization_id, key) DO UPDATE SET value = excluded.value, updated_at = now()
                  """,
            new { OrganizationId = organizationId, Key = key, Value = value }, transaction);
        await transaction.CommitAsync();
        return version;
    }

    public async Task<long?> ChannelOwnerAsync(long channelId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<long?>("SELECT organization_id FROM notification_channels WHERE id = @Id", new { Id = channelId });
    }
}
