using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Routing;
using Planekeeper.Grains.Notifications.Templates;

namespace Planekeeper.Grains.Settings;

/// <summary>
/// The settings an organization (or the global scope) can set: the default notification channel and notification
/// templates (<c>notification_template.&lt;channel type&gt;.&lt;category&gt;</c>), and in the global scope only the
/// maintenance banner (<c>maintenance_banner</c>). Anything else is refused by name.
/// </summary>
public static class SettingRules
{
    public static bool IsTemplate(string key, out string channelType, out string category)
    {
        var parts = key.Split('.');
        (channelType, category) = parts.Length == 3 ? (parts[1], parts[2]) : ("", "");
        return parts.Length == 3 && parts[0] == "notification_template" && ChannelTypes.All.Contains(channelType) && TemplateCategories.All.Contains(category);
    }

    public static bool IsKnown(string key, long organizationId) =>
        key == NotificationRouter.DefaultChannelSetting || IsTemplate(key, out _, out _) || (key == MaintenanceBanner.Setting && organizationId == 0);

    /// <summary>Why a template value is refused (with its position), or null.</summary>
    public static string? TemplateProblem(string key, string value) =>
        IsTemplate(key, out var channelType, out _) && TemplateValidation.Validate(channelType, value) is { } error ? error.ToString() : null;
}
