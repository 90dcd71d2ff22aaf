namespace Planekeeper.Grains.Notifications.Delivery;

/// <summary>What a notice of one alert event says: the event, and the alert with its config, rule and jobs (read with the deliveries it is for).</summary>
public static class NoticeStore
{
    public class NoticeRow
    {
        public long ActionId { get; set; }
        public string Event { get; set; } = "";
        public DateTime EventAt { get; set; }
        public string Severity { get; set; } = "";
        public string? PreviousSeverity { get; set; }
        public long AlertId { get; set; }
        public long OrganizationId { get; set; }
        public string OrganizationName { get; set; } = "";
        public string ConfigName { get; set; } = "";
        public string RuleName { get; set; } = "";
        public string RuleType { get; set; } = "";
        public long BehindBy { get; set; }
        public string DiscoveredVersion { get; set; } = "";
        public string? LatestVersion { get; set; }
        public string ArtifactName { get; set; } = "";
        public string? RepositoryUrl { get; set; }
        public string? TargetFile { get; set; }
        public string Reason { get; set; } = "";
        public bool Acknowledged { get; set; }
        public bool Resolved { get; set; }
        public DateTime CreatedAt { get; set; }
    }

    /// <summary>
    /// The columns of a <see cref="NoticeRow"/> and the joins that give them, for the alert action <c>a</c>; the caller
    /// adds its own <c>WHERE</c> (the delivery pass reads the notices of the deliveries it starts in the same statement).
    /// </summary>
    public const string Select = """
        SELECT a.id AS ActionId, a.event, a.created_at AS EventAt, a.severity, a.previous_severity AS PreviousSeverity, al.id AS AlertId,
               al.organization_id AS OrganizationId, o.name AS OrganizationName, al.config_name AS ConfigName,
               coalesce(r.name, '') AS RuleName, coalesce(r.rule_type, '') AS RuleType, al.behind_by AS BehindBy,
               al.discovered_version AS DiscoveredVersion, al.latest_version AS LatestVersion, coalesce(g.artifact_name, '') AS ArtifactName,
               s.repository_url AS RepositoryUrl, s.target_file AS TargetFile, al.reason, al.acknowledged_at IS NOT NULL AS Acknowledged,
               al.resolved_at IS NOT NULL AS Resolved, al.created_at AS CreatedAt
          FROM alert_actions a
          JOIN alerts al ON al.id = a.alert_id
          JOIN organizations o ON o.id = al.organization_id
          LEFT JOIN alert_configs c ON c.id = al.alert_config_id
          LEFT JOIN monitoring_rules r ON r.id = c.rule_id
          LEFT JOIN gather_jobs g ON g.id = c.gather_job_id
          LEFT JOIN scrape_jobs s ON s.id = c.scrape_job_id
        """;
}
