using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Interfaces.Alerts;

namespace Planekeeper.Tests.Unit.Alerts;

public class DriftStateTests
{
    private static readonly DateTime Evaluated = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(false, true, true, EvaluationOutcomes.Created, true, DriftStates.Off)]
    [InlineData(true, false, true, EvaluationOutcomes.Created, true, DriftStates.Off)]
    [InlineData(true, true, true, EvaluationOutcomes.Unchanged, true, DriftStates.Alerting)]
    [InlineData(true, true, false, null, true, DriftStates.Alerting)]
    [InlineData(true, true, false, null, false, DriftStates.NotEvaluated)]
    [InlineData(true, true, true, null, false, DriftStates.NotEvaluated)]
    [InlineData(true, true, true, EvaluationOutcomes.WaitingForInputs, false, DriftStates.WaitingForInputs)]
    [InlineData(true, true, true, EvaluationOutcomes.NoAlert, false, DriftStates.WithinThresholds)]
    [InlineData(true, true, true, EvaluationOutcomes.Resolved, false, DriftStates.WithinThresholds)]
    public void A_row_is_in_one_state(bool configActive, bool ruleActive, bool evaluated, string? outcome, bool alerting, string expected) =>
        Assert.Equal(expected, DriftState.Of(configActive, ruleActive, evaluated ? Evaluated : null, outcome, alerting));
}
