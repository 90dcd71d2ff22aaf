using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// What an evaluation does to a config's active alert (docs/rules-and-alerts.md, "Lifecycle and events"): create,
/// escalate (clears the acknowledgment), de-escalate (silent), refresh, unacknowledge when the deployed version changed
/// under an acknowledgment, resolve. The same verdict twice decides nothing the second time, which makes evaluation
/// idempotent.
/// </summary>
public static class AlertLifecycle
{
    public static AlertDecision Decide(ActiveAlert? current, RuleOutcome verdict)
    {
        if (verdict.Severity is not { } severity)
        {
            return current is null ? AlertDecision.Nothing : new AlertDecision(AlertChangeKind.Resolve, false, [new AlertStep(AlertActions.Resolved, AlertEvents.Resolved)]);
        }

        if (current is null)
        {
            return new AlertDecision(AlertChangeKind.Create, false, [new AlertStep(AlertActions.Created, AlertEvents.Created)]);
        }

        if (severity > current.Severity)
        {
            return new AlertDecision(AlertChangeKind.Escalate, current.Acknowledged, [new AlertStep(AlertActions.Escalated, AlertEvents.Escalated)]);
        }

        var unacknowledge = current.Acknowledged && current.DiscoveredVersion != verdict.DiscoveredVersion;
        var first = severity < current.Severity
            ? new AlertStep(AlertActions.DeEscalated, null)
            : SameSeverityStep(current, verdict);
        IReadOnlyList<AlertStep> steps = (first, unacknowledge) switch
        {
            (null, false) => [],
            (null, true) => [new AlertStep(AlertActions.Unacknowledged, AlertEvents.Unacknowledged)],
            (_, false) => [first],
            (_, true) => [first, new AlertStep(AlertActions.Unacknowledged, AlertEvents.Unacknowledged)],
        };
        if (steps.Count == 0)
        {
            return AlertDecision.Nothing;
        }

        return new AlertDecision(severity < current.Severity ? AlertChangeKind.DeEscalate : AlertChangeKind.Update, unacknowledge, steps);
    }

    private static AlertStep? SameSeverityStep(ActiveAlert current, RuleOutcome verdict) =>
        current.BehindBy == verdict.BehindBy && current.DiscoveredVersion == verdict.DiscoveredVersion
        && current.LatestVersion == verdict.LatestVersion && current.Reason == verdict.Reason
            ? null
            : new AlertStep(AlertActions.Updated, null);
}
