using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>
/// One alert config, keyed by its id: its definition, its evaluation and its single active alert, which only this
/// grain changes (acknowledge, unacknowledge and resolve come here too). Every command a person gives names the
/// caller's organization; another organization's config answers exactly as a missing one (docs/security.md,
/// "Tenancy"). New aliases (<c>…-in-org</c>) since the organization was added, so an old caller fails cleanly.
/// </summary>
[Alias("planekeeper.alerts.config")]
public interface IAlertConfigGrain : IGrainWithIntegerKey
{
    [Alias("get-in-org")]
    Task<AlertConfigRecord?> GetAsync(long organizationId);

    /// <summary>Refused (412) when <paramref name="expected"/> does not allow the stored version (docs/api.md, "ETags and If-Match"); null: any.</summary>
    [Alias("update-in-org")]
    Task<CommandResult<AlertConfigRecord>> UpdateAsync(string actor, long organizationId, AlertConfigRequest request, ExpectedVersion? expected = null);

    /// <summary>Resolves the active alert, then deletes the config; its alerts stay for history.</summary>
    [Alias("delete-in-org")]
    Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected = null);

    /// <summary>Switches the config on (evaluated at once) or off (its active alert resolves).</summary>
    [Alias("toggle-in-org")]
    Task<CommandResult<AlertConfigRecord>> ToggleAsync(string actor, long organizationId);

    /// <summary>
    /// Internal, for the evaluation and reconciliation grains (no route calls it): reads the inputs and applies the
    /// rule; idempotent: the same inputs change nothing the second time. Unchanged, so it keeps its alias.
    /// </summary>
    [Alias("evaluate")]
    Task<ConfigEvaluation> EvaluateAsync(string trigger);

    [Alias("acknowledge-in-org")]
    Task<CommandResult<AlertRecord>> AcknowledgeAsync(string actor, long organizationId, long alertId, string? metadataJson);

    [Alias("unacknowledge-in-org")]
    Task<CommandResult<AlertRecord>> UnacknowledgeAsync(string actor, long organizationId, long alertId);

    [Alias("resolve-in-org")]
    Task<CommandResult<AlertRecord>> ResolveAsync(string actor, long organizationId, long alertId);
}
