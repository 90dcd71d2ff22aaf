using Dapper;
using Npgsql;

namespace Planekeeper.Grains.Notifications;

/// <summary>
/// The template in effect for a channel and an event category (docs/notifications.md, "Templates"): the channel's own,
/// else the organization's setting, else the global setting, else none (the channel type's built-in).
/// </summary>
public sealed class TemplateResolver(NpgsqlDataSource database)
{
    public static string SettingKey(string channelType, string category) => $"notification_template.{channelType}.{category}";

    public async Task<(string? Template, string Source)> ResolveAsync(long organizationId, string channelType, string category, IReadOnlyDictionary<string, string>? channelTemplates)
    {
        if (channelTemplates?.GetValueOrDefault(category) is { } own)
        {
            return (own, "channel");
        }

        await using var connection = await database.OpenConnectionAsync();
        var settings = (await connection.QueryAsync<(long OrganizationId, string Value)>(
            "SELECT organization_id AS OrganizationId, value AS Value FROM settings WHERE organization_id IN (@OrganizationId, 0) AND key = @Key",
            new { OrganizationId = organizationId, Key = SettingKey(channelType, category) })).ToDictionary(row => row.OrganizationId, row => row.Value);
        return settings.TryGetValue(organizationId, out var organization) ? (organization, "organization")
            : settings.TryGetValue(0, out var global) ? (global, "global")
            : (null, "built-in");
    }
}
