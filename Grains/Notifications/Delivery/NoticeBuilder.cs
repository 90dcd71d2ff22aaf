using Planekeeper.Grains.Notifications.Protection;

namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>Turns an event row into the notice a channel sends, with an acknowledge link while the alert is active.</summary>
public sealed class NoticeBuilder(AckTokens tokens, NotificationSettings settings)
{
    public AlertNotice Build(NoticeStore.NoticeRow row, Guid idempotencyKey, long channelId)
    {
        var ackUrl = row.Resolved
            ? null
            : $"{settings.BaseUrl.TrimEnd('/')}/ack/{tokens.Issue(new AckLinkClaim(row.OrganizationId, row.AlertId, channelId))}";
        return new AlertNotice(
            row.Event, DateTime.SpecifyKind(row.EventAt, DateTimeKind.Utc), idempotencyKey, row.OrganizationId, row.OrganizationName,
            row.AlertId, row.ConfigName, row.RuleName, row.RuleType, row.Severity, row.PreviousSeverity, row.BehindBy,
            row.DiscoveredVersion, row.LatestVersion, row.ArtifactName, row.RepositoryUrl, row.TargetFile, row.Reason, row.Acknowledged,
            DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc), ackUrl);
    }
}
