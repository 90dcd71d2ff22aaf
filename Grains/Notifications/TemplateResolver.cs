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
        if (channelTemplates?.GetValueOrDefault(category) is not null)
        {
            return Pick(category, channelTemplates, null, null);
        }

        await using var connection = await database.OpenConnectionAsync();
        var settings = (await connection.QueryAsync<(long OrganizationId, string Value)>(
            "SELECT organization_id AS OrganizationId, value AS Value FROM settings WHERE organization_id IN (@OrganizationId, 0) AND key = @Key",
            new { OrganizationId = organizationId, Key = SettingKey(channelType, category) })).ToDictionary(row => row.OrganizationId, row => row.Value);
        return Pick(category, channelTemplates, settings.GetValueOrDefault(organizationId), settings.GetValueOrDefault(0));
    }

    /// <summary>The resolution itself, for callers that read the settings with something else.</summary>
    public static (string? Template, string Source) Pick(
        string category, IReadOnlyDictionary<string, string>? channelTemplates, string? organizationSetting, string? globalSetting) =>
        channelTemplates?.GetValueOrDefault(category) is { } own ? (own, "channel")
        : organizationSetting is not null ? (organizationSetting, "organization")
        : globalSetting is not null ? (globalSetting, "global")
        : (null, "built-in");
}
