using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>
/// One alert config, keyed by its id: its definition, its evaluation and its single active alert, which only this
/// grain changes (acknowledge, unacknowledge and resolve come here too).
/// </summary>
[Alias("planekeeper.alerts.config")]
public interface IAlertConfigGrain : IGrainWithIntegerKey
{
    [Alias("get")]
    Task<AlertConfigRecord?> GetAsync();

    [Alias("update")]
    Task<CommandResult<AlertConfigRecord>> UpdateAsync(string actor, AlertConfigRequest request);

    /// <summary>Resolves the active alert, then deletes the config; its alerts stay for history.</summary>
    [Alias("delete")]
    Task<CommandResult<bool>> DeleteAsync(string actor);

    /// <summary>Switches the config on (evaluated at once) or off (its active alert resolves).</summary>
    [Alias("toggle")]
    Task<CommandResult<AlertConfigRecord>> ToggleAsync(string actor);

    /// <summary>Reads the inputs and applies the rule; idempotent: the same inputs change nothing the second time.</summary>
    [Alias("evaluate")]
    Task<ConfigEvaluation> EvaluateAsync(string trigger);

    [Alias("acknowledge")]
    Task<CommandResult<AlertRecord>> AcknowledgeAsync(string actor, long alertId, string? metadataJson);

    [Alias("unacknowledge")]
    Task<CommandResult<AlertRecord>> UnacknowledgeAsync(string actor, long alertId);

    [Alias("resolve")]
    Task<CommandResult<AlertRecord>> ResolveAsync(string actor, long alertId);
}
