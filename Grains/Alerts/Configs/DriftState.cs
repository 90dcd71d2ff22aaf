using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Grains.Alerts.Configs;

/// <summary>Which <see cref="DriftStates"/> a drift row is in, from the config, its rule, its last evaluation and its active alert.</summary>
public static class DriftState
{
    public static string Of(bool configActive, bool ruleActive, DateTime? evaluatedAt, string? evaluationOutcome, bool hasActiveAlert) =>
        (configActive && ruleActive) switch
        {
            false => DriftStates.Off,
            true when hasActiveAlert => DriftStates.Alerting,
            true when evaluatedAt is null || evaluationOutcome is null => DriftStates.NotEvaluated,
            true when evaluationOutcome == EvaluationOutcomes.WaitingForInputs => DriftStates.WaitingForInputs,
            true => DriftStates.WithinThresholds,
        };
}
