using Planekeeper.Grains.Alerts;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Tests.Unit.Alerts;

public class AlertLifecycleTests
{
    private static readonly ActiveAlert HighUnacknowledged = new(Severity.High, 2, "1.0.0", "3.0.0", AlertReasons.Behind, Acknowledged: false);
    private static readonly ActiveAlert HighAcknowledged = HighUnacknowledged with { Acknowledged = true };

    private static RuleOutcome Verdict(Severity? severity, long behindBy = 2, string deployed = "1.0.0", string latest = "3.0.0") =>
        new(severity, behindBy, AlertReasons.Behind, deployed, latest);

    [Fact]
    public void No_alert_and_a_verdict_below_moderate_decide_nothing() =>
        Assert.Equal(AlertDecision.Nothing, AlertLifecycle.Decide(null, Verdict(null, 0)));

    [Fact]
    public void A_first_verdict_at_or_above_moderate_creates_the_alert_with_its_event()
    {
        var decision = AlertLifecycle.Decide(null, Verdict(Severity.Moderate, 1));
        Assert.Equal(AlertChangeKind.Create, decision.Kind);
        Assert.Equal([new AlertStep(AlertActions.Created, AlertEvents.Created)], decision.Steps);
    }

    [Fact]
    public void A_rising_severity_escalates_and_clears_the_acknowledgment()
    {
        var decision = AlertLifecycle.Decide(HighAcknowledged, Verdict(Severity.Critical, 3));
        Assert.Equal((AlertChangeKind.Escalate, true), (decision.Kind, decision.ClearsAcknowledgment));
        Assert.Equal([new AlertStep(AlertActions.Escalated, AlertEvents.Escalated)], decision.Steps);
    }

    [Fact]
    public void A_falling_severity_that_stays_at_moderate_or_above_is_silent()
    {
        var decision = AlertLifecycle.Decide(HighAcknowledged, Verdict(Severity.Moderate, 1));
        Assert.Equal((AlertChangeKind.DeEscalate, false), (decision.Kind, decision.ClearsAcknowledgment));
        Assert.Equal([new AlertStep(AlertActions.DeEscalated, null)], decision.Steps);
    }

    [Fact]
    public void A_verdict_below_moderate_resolves_the_active_alert()
    {
        var decision = AlertLifecycle.Decide(HighAcknowledged, Verdict(null, 0, deployed: "3.0.0"));
        Assert.Equal(AlertChangeKind.Resolve, decision.Kind);
        Assert.Equal([new AlertStep(AlertActions.Resolved, AlertEvents.Resolved)], decision.Steps);
    }

    [Fact]
    public void A_new_deployed_version_under_an_acknowledgment_unacknowledges()
    {
        var decision = AlertLifecycle.Decide(HighAcknowledged, Verdict(Severity.High, 2, deployed: "1.1.0"));
        Assert.Equal((AlertChangeKind.Update, true), (decision.Kind, decision.ClearsAcknowledgment));
        Assert.Equal([new AlertStep(AlertActions.Updated, null), new AlertStep(AlertActions.Unacknowledged, AlertEvents.Unacknowledged)], decision.Steps);
    }

    [Fact]
    public void A_new_deployed_version_without_an_acknowledgment_only_updates()
    {
        var decision = AlertLifecycle.Decide(HighUnacknowledged, Verdict(Severity.High, 2, deployed: "1.1.0"));
        Assert.Equal([new AlertStep(AlertActions.Updated, null)], decision.Steps);
        Assert.False(decision.ClearsAcknowledgment);
    }

    [Fact]
    public void A_de_escalation_with_a_new_version_under_an_acknowledgment_is_both()
    {
        var decision = AlertLifecycle.Decide(HighAcknowledged, Verdict(Severity.Moderate, 1, deployed: "2.0.0"));
        Assert.Equal([new AlertStep(AlertActions.DeEscalated, null), new AlertStep(AlertActions.Unacknowledged, AlertEvents.Unacknowledged)], decision.Steps);
    }

    [Fact]
    public void The_same_verdict_twice_decides_nothing_the_second_time() =>
        Assert.Equal(AlertDecision.Nothing, AlertLifecycle.Decide(HighAcknowledged, Verdict(Severity.High)));

    [Fact]
    public void A_new_latest_release_at_the_same_severity_updates_silently()
    {
        var decision = AlertLifecycle.Decide(HighUnacknowledged, Verdict(Severity.High, 2, latest: "3.1.0"));
        Assert.Equal(AlertChangeKind.Update, decision.Kind);
        Assert.Equal([new AlertStep(AlertActions.Updated, null)], decision.Steps);
    }
}
