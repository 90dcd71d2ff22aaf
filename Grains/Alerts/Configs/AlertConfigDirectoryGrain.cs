using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.Alerts.Configs;

[StatelessWorker]
[GrainType("planekeeper.alerts.configs")]
public sealed class AlertConfigDirectoryGrain(
    AlertConfigStore store, DriftStore drift, AlertConfigReferences references, AlertConfigValidator validator, AuditWriter audit)
    : Grain, IAlertConfigDirectoryGrain
{
    public async Task<CommandResult<AlertConfigRecord>> CreateAsync(string actor, long organizationId, AlertConfigRequest request)
    {
        var validated = await validator.ValidateAsync(organizationId, request);
        if (validated.Status != CommandStatus.Ok)
        {
            return validated.Without<AlertConfigRecord>();
        }

        if (await store.InsertAsync(organizationId, validated.Value!) is not { } row)
        {
            return CommandResult<AlertConfigRecord>.Conflict("a job or the rule was deleted at the same time; check them and retry");
        }

        await audit.WriteAsync(new AuditEntry(organizationId, actor, "alert_config.created", $"alert_config:{row.Id}"));
        var config = GrainFactory.GetGrain<IAlertConfigGrain>(row.Id);
        await config.EvaluateAsync($"alert config created by {actor}");
        return CommandResult<AlertConfigRecord>.Ok((await config.GetAsync(organizationId))!);
    }

    public Task<Page<AlertConfigRecord>> ListAsync(long organizationId, int limit, long? after) =>
        KeysetPaging.ReadAsync(limit, count => store.ListAsync(organizationId, count, after), row => row.Config.Id, row => row.Config.ToRecord(row.ActiveAlertId));

    public Task<Page<AlertConfigDrift>> DriftAsync(long organizationId, int limit, long? after) =>
        KeysetPaging.ReadAsync(limit, count => drift.PageAsync(organizationId, count, after), row => row.AlertConfigId);

    public async Task<IReadOnlyList<AlertConfigDrift>> WorstDriftAsync(long organizationId, int limit) => await drift.WorstAsync(organizationId, limit);

    public async Task<IReadOnlyList<AlertConfigDrift>> DriftOfGatherJobAsync(long organizationId, long gatherJobId) =>
        await drift.OfGatherJobAsync(organizationId, gatherJobId);

    public Task<IReadOnlyList<AlertConfigUse>> UsingAsync(long organizationId, AlertConfigInput input, long id) =>
        references.UsersAsync(organizationId, input, id);
}
