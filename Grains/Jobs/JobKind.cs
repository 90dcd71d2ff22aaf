namespace Planekeeper.Grains.Jobs;

/// <summary>
/// How one kind of job is named in audit entries and messages, and which alert_configs column points at it
/// (null when alert configs never use this kind).
/// </summary>
public sealed record JobKind(string AuditPrefix, string Noun, string TargetPrefix, string? AlertConfigColumn)
{
    public static readonly JobKind Gather = new("gather_job", "gather job", "gather-job", "gather_job_id");
    public static readonly JobKind Scrape = new("scrape_job", "scrape job", "scrape-job", "scrape_job_id");
    public static readonly JobKind HelmSync = new("helm_sync_job", "helm sync job", "helm-sync-job", null);
}
