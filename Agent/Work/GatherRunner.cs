using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Server;

namespace Planekeeper.Agent.Work;

/// <summary>Runs gather and helm sync tasks with the source of the job's type, and shapes their reports.</summary>
public sealed class GatherRunner(GatherSources sources, RateLimitBoard rateLimits)
{
    public async Task<TaskReport> GatherAsync(ClaimedTask task, AgentCredential? credential, bool allowPrivateAddresses, CancellationToken cancellationToken)
    {
        var sourceType = TaskRunner.Required(task, "source_type");
        if (!sources.For(allowPrivateAddresses).Sources.TryGetValue(sourceType, out var source))
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

    public async Task<TaskReport> DiscoverChartsAsync(ClaimedTask task, AgentCredential? credential, bool allowPrivateAddresses, CancellationToken cancellationToken)
    {
        // A chart list always reports every chart (the server replaces the list), so no conditional request here.
        var found = await sources.For(allowPrivateAddresses).Charts.DiscoverAsync(
            TaskRunner.Required(task, "repository_url"), task.JobField("chart_filter"), credential, previous: null, cancellationToken);
        return new TaskReport(Charts: found.Charts.Select(chart => new ReportedChart(chart.Name, chart.LatestVersion, chart.AppVersion)).ToList());
    }
}
