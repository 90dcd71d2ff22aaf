using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Alerts;

[StatelessWorker]
[GrainType("planekeeper.alerts.alerts")]
public sealed class AlertsGrain(AlertQueryStore queries, AlertStore alerts, TimeProvider clock) : Grain, IAlertsGrain
{
    public Task<Page<AlertRecord>> ListAsync(long organizationId, AlertFilter filter, int limit, long? before) =>
        KeysetPaging.ReadAsync(limit, count => queries.ListAsync(organizationId, filter, count, before), alert => alert.Id);

    public Task<AlertRecord?> GetAsync(long organizationId, long alertId) => alerts.GetAsync(organizationId, alertId);

    public async Task<IReadOnlyList<AlertActionRecord>?> ListActionsAsync(long organizationId, long alertId) =>
        (await queries.FindConfigAsync(organizationId, alertId)).Found ? await queries.ListActionsAsync(alertId) : null;

    public Task<AlertSummary> SummaryAsync(long organizationId) => queries.SummaryAsync(organizationId);

    public async Task<IReadOnlyList<AlertDayCount>> HistoryAsync(long organizationId, int days)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return AlertHistory.Days(today, days, await queries.RaisedPerDayAsync(organizationId, AlertHistory.FirstDay(today, days)));
    }

    public Task<CommandResult<AlertRecord>> AcknowledgeAsync(string actor, long organizationId, long alertId, string? metadataJson) =>
        OnConfigAsync(organizationId, alertId, config => config.AcknowledgeAsync(actor, organizationId, alertId, metadataJson));

    public Task<CommandResult<AlertRecord>> UnacknowledgeAsync(string actor, long organizationId, long alertId) =>
        OnConfigAsync(organizationId, alertId, config => config.UnacknowledgeAsync(actor, organizationId, alertId));

    public Task<CommandResult<AlertRecord>> ResolveAsync(string actor, long organizationId, long alertId) =>
        OnConfigAsync(organizationId, alertId, config => config.ResolveAsync(actor, organizationId, alertId));

    public async Task<BulkAcknowledgement> BulkAcknowledgeAsync(string actor, long organizationId, IReadOnlyList<long> alertIds, string? metadataJson)
    {
        var acknowledged = new List<long>();
        var failed = new List<BulkAcknowledgementFailure>();
        foreach (var alertId in alertIds.Distinct())
        {
            var result = await AcknowledgeAsync(actor, organizationId, alertId, metadataJson);
            if (result.Status == CommandStatus.Ok)
            {
                acknowledged.Add(alertId);
            }
            else
            {
                failed.Add(new BulkAcknowledgementFailure(alertId, result.Status == CommandStatus.NotFound ? 404 : 409, result.Detail ?? ""));
            }
        }

        return new BulkAcknowledgement(acknowledged, failed);
    }

    /// <summary>The alert's config grain is its only writer; an alert of another organization is "not found".</summary>
    private async Task<CommandResult<AlertRecord>> OnConfigAsync(long organizationId, long alertId, Func<IAlertConfigGrain, Task<CommandResult<AlertRecord>>> command)
    {
        var (found, configId) = await queries.FindConfigAsync(organizationId, alertId);
        if (!found)
        {
            return CommandResult<AlertRecord>.NotFound($"no alert {alertId}");
        }

        return configId is { } id
            ? await command(GrainFactory.GetGrain<IAlertConfigGrain>(id))
            : CommandResult<AlertRecord>.Conflict($"alert {alertId} is resolved (its alert config was deleted)");
    }
}
