using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Scraping;

namespace Planekeeper.Grains.Jobs;

/// <summary>
/// The registry of job kinds: every place that lists or names the kinds (tables, capabilities, the engine's and
/// server dispatch's unions, audit entries) derives from <see cref="All"/>.
/// </summary>
/// <param name="Name">The kind as <see cref="JobRef"/> names it; also the prefix of its audit actions.</param>
/// <param name="Table">The table of its jobs.</param>
/// <param name="Capability">The agent capability that runs it.</param>
/// <param name="Runnable">SQL over its table: whether a row is run by agents at all.</param>
/// <param name="Noun">How messages name one job.</param>
/// <param name="TargetPrefix">The prefix of an audit entry's target.</param>
/// <param name="AlertConfigColumn">The alert_configs column pointing at it; null when alert configs never use this kind.</param>
public sealed record JobKind(string Name, string Table, string Capability, string Runnable, string Noun, string TargetPrefix, string? AlertConfigColumn)
{
    public static readonly JobKind Gather = new(
        JobRef.Gather, Table: "gather_jobs", Capability: "gather", Runnable: "true",
        Noun: "gather job", TargetPrefix: "gather-job", AlertConfigColumn: "gather_job_id");

    public static readonly JobKind Scrape = new(
        JobRef.Scrape, Table: "scrape_jobs", Capability: "scrape", Runnable: $"parse_type <> '{ScrapeParseTypes.Manual}'",
        Noun: "scrape job", TargetPrefix: "scrape-job", AlertConfigColumn: "scrape_job_id");

    public static readonly JobKind HelmSync = new(
        JobRef.HelmSync, Table: "helm_sync_jobs", Capability: "helm_sync", Runnable: "true",
        Noun: "helm sync job", TargetPrefix: "helm-sync-job", AlertConfigColumn: null);

    public static readonly IReadOnlyList<JobKind> All = [Gather, Scrape, HelmSync];

    public static JobKind Of(string name) =>
        All.FirstOrDefault(kind => kind.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "unknown job kind");
}
