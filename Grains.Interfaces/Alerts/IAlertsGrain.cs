using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>
/// An organization's alerts: read-only queries, and the commands on one alert, which it hands to the alert's config
/// grain (the alert's only writer). Stateless. Another organization's alert is "not found".
/// </summary>
[Alias("planekeeper.alerts.alerts")]
public interface IAlertsGrain : IGrainWithIntegerKey
{
    [Alias("list")]
    Task<Page<AlertRecord>> ListAsync(long organizationId, AlertFilter filter, int limit, long? before);

    [Alias("get")]
    Task<AlertRecord?> GetAsync(long organizationId, long alertId);

    /// <summary>Null when the organization has no such alert.</summary>
    [Alias("actions")]
    Task<IReadOnlyList<AlertActionRecord>?> ListActionsAsync(long organizationId, long alertId);

    [Alias("summary")]
    Task<AlertSummary> SummaryAsync(long organizationId);

    /// <summary>Alerts raised per day over the last <paramref name="days"/> days (UTC, today included), oldest first.</summary>
    [Alias("history")]
    Task<IReadOnlyList<AlertDayCount>> HistoryAsync(long organizationId, int days);

    [Alias("acknowledge")]
    Task<CommandResult<AlertRecord>> AcknowledgeAsync(string actor, long organizationId, long alertId, string? metadataJson);

    [Alias("unacknowledge")]
    Task<CommandResult<AlertRecord>> UnacknowledgeAsync(string actor, long organizationId, long alertId);

    [Alias("resolve")]
    Task<CommandResult<AlertRecord>> ResolveAsync(string actor, long organizationId, long alertId);

    [Alias("bulk-acknowledge")]
    Task<BulkAcknowledgement> BulkAcknowledgeAsync(string actor, long organizationId, IReadOnlyList<long> alertIds, string? metadataJson);
}
