using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Rules.Evaluation;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>The alert row an evaluation's decision leads to.</summary>
public static class AlertChanges
{
    public static AlertRow Apply(AlertRow? active, AlertConfigRow config, AlertDecision decision, RuleOutcome verdict, DateTime now)
    {
        var alert = active?.Copy() ?? new AlertRow { OrganizationId = config.OrganizationId, AlertConfigId = config.Id, CreatedAt = now };
        alert.ConfigName = config.Name;
        alert.UpdatedAt = now;
        if (decision.Kind == AlertChangeKind.Resolve)
        {
            alert.ResolvedAt = now;
            return alert;
        }

        if (decision.Kind is AlertChangeKind.Escalate or AlertChangeKind.DeEscalate)
        {
            alert.PreviousSeverity = alert.Severity;
        }

        alert.Severity = SeverityText.Name(verdict.Severity!.Value);
        alert.BehindBy = verdict.BehindBy;
        alert.DiscoveredVersion = verdict.DiscoveredVersion;
        alert.LatestVersion = verdict.LatestVersion;
        alert.Reason = verdict.Reason;
        if (decision.ClearsAcknowledgment)
        {
            alert.AcknowledgedAt = null;
            alert.AcknowledgedBy = null;
            alert.AckMetadata = null;
        }

        return alert;
    }
}
