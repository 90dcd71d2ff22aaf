using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Server;

namespace Planekeeper.Agent.Work;

/// <summary>Runs gather and helm sync tasks with the source of the job's type, and shapes their reports.</summary>
public sealed class GatherRunner(IEnumerable<IGatherSource> sources, RateLimitBoard rateLimits)
{
    private readonly Dictionary<string, IGatherSource> _sources = sources.ToDictionary(source => source.SourceType);

    public async Task<TaskReport> GatherAsync(ClaimedTask task, AgentCredential? credential, bool allowPrivateAddresses, CancellationToken cancellationToken)
    {
        var sourceType = TaskRunner.Required(task, "source_type");
        if (!_sources.TryGetValue(sourceType, out var source))
        {
            throw new TaskFailedException($"this agent cannot gather from '{sourceType}' sources; upgrade it", retryable: false);
        }

        var previous = task.Previous is { } p ? new UpstreamValidators(p.Etag, p.LastModified) : null;
        var request = new GatherRequest(sourceType, TaskRunner.Required(task, "artifact_name"), task.JobField("tag_filter"), credential, previous);
        var result = await source.GatherAsync(request, cancellationToken);
        if (result.RateLimit is { } quota)
        {
            rateLimits.Record(sourceType == "github_releases" ? "github" : sourceType, quota);
        }

        return new TaskReport(
            Releases: result.Unchanged ? null : result.Releases.Select(r => new ReportedRelease(r.Version, r.ReleasedAt, r.Prerelease, r.AppVersion, r.Digest)).ToList(),
            Unchanged: result.Unchanged,
            Etag: result.Validators?.ETag,
            LastModified: result.Validators?.LastModified);
    }

    public Task<TaskReport> DiscoverChartsAsync(ClaimedTask task, AgentCredential? credential, bool allowPrivateAddresses, CancellationToken cancellationToken) =>
        throw new TaskFailedException("helm sync is not wired yet", retryable: false);
}
