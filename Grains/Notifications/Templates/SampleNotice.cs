using Planekeeper.Grains.Alerts;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>Realistic notices for template previews, template checks and channel tests.</summary>
public static class SampleNotice
{
    public const string AcknowledgeUrl = "https://planekeeper.example.com/ack/sample-token";

    /// <summary>
    /// Acme's "k8s prod" running Kubernetes 1.27.3 with 1.29.4 out: high, 2 behind. Escalated from moderate for
    /// <c>alert.escalated</c>, acknowledged for <c>alert.acknowledged</c>, and without an acknowledge link once resolved.
    /// </summary>
    public static AlertNotice For(string eventName) => new(
        Event: eventName,
        Timestamp: new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc),
        IdempotencyKey: Guid.Parse("00000000-0000-4000-8000-000000000001"),
        OrganizationId: 1,
        OrganizationName: "Acme",
        AlertId: 42,
        ConfigName: "k8s prod",
        RuleName: "minors",
        RuleType: "minors_behind",
        Severity: "high",
        PreviousSeverity: eventName == AlertEvents.Escalated ? "moderate" : null,
        BehindBy: 2,
        DiscoveredVersion: "1.27.3",
        LatestVersion: "1.29.4",
        ArtifactName: "github.com/kubernetes/kubernetes",
        RepositoryUrl: "https://git.example.com/acme/infra.git",
        TargetFile: "clusters/prod/values.yaml",
        Reason: "behind",
        Acknowledged: eventName == AlertEvents.Acknowledged,
        CreatedAt: new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc),
        AcknowledgeUrl: eventName == AlertEvents.Resolved ? null : AcknowledgeUrl);

    /// <summary>The same event with every optional value missing (latest version, repository, file, link, previous severity).</summary>
    public static AlertNotice Sparse(string eventName) => For(eventName) with
    {
        PreviousSeverity = null,
        LatestVersion = null,
        RepositoryUrl = null,
        TargetFile = null,
        AcknowledgeUrl = null,
    };
}
