namespace Planekeeper.Grains.Jobs;

/// <summary>How one kind of job is named in audit entries and messages.</summary>
public sealed record JobKind(string AuditPrefix, string Noun, string TargetPrefix)
{
    public static readonly JobKind Gather = new("gather_job", "gather job", "gather-job");
    public static readonly JobKind Scrape = new("scrape_job", "scrape job", "scrape-job");
    public static readonly JobKind HelmSync = new("helm_sync_job", "helm sync job", "helm-sync-job");
}
