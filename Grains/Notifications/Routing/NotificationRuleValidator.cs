using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Notifications;
using Planekeeper.Grains.Notifications.Routing;

namespace Planekeeper.Grains.Notifications.Routing;

/// <summary>Checks a notification rule request field by field; its channel must be one of the organization's.</summary>
public sealed class NotificationRuleValidator(NotificationRuleStore store)
{
    public const int NameMaxLength = 200;

    public static IReadOnlyList<string> EventNames => NotificationRoutingEvents.All;

    public async Task<CommandResult<NotificationRuleRow>> ValidateAsync(NotificationRuleRequest request, long organizationId, NotificationRuleRow? existing)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > NameMaxLength)
        {
            errors["name"] = [$"name is required, at most {NameMaxLength} characters"];
        }

        Subset(errors, "event_types", request.EventTypes, EventNames);
        Subset(errors, "severities", request.Severities, SeverityNames.All);
        if (request.ChannelId is { } channel && await store.ChannelOwnerAsync(channel) != organizationId)
        {
            errors["channel_id"] = [$"no notification channel {channel} in this organization"];
        }

        return errors.Count > 0
            ? CommandResult<NotificationRuleRow>.Invalid(errors)
            : CommandResult<NotificationRuleRow>.Ok(new NotificationRuleRow
            {
                Id = existing?.Id ?? 0, Version = existing?.Version ?? 0, OrganizationId = organizationId, Name = name!,
                Active = request.Active ?? existing?.Active ?? true, Priority = request.Priority ?? 100,
                EventTypes = (request.EventTypes ?? []).Distinct().ToArray(), Severities = (request.Severities ?? []).Distinct().ToArray(),
                ChannelId = request.ChannelId,
            });
    }

    private static void Subset(Dictionary<string, string[]> errors, string field, IReadOnlyList<string>? values, IReadOnlyList<string> allowed)
    {
        if (values?.Where(value => !allowed.Contains(value)).ToList() is { Count: > 0 } unknown)
        {
            errors[field] = [$"unknown {string.Join(", ", unknown)}; allowed: {string.Join(", ", allowed)} (empty: all)"];
        }
    }
}
