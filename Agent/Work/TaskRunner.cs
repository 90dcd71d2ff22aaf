using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Scraping;
using Planekeeper.Agent.Server;

namespace Planekeeper.Agent.Work;

/// <summary>
/// Turns a claimed task into the request of its kind, runs it, and shapes the report. A server agent reaches only
/// public addresses unless <c>AGENT_ALLOW_PRIVATE_URLS=true</c>; a client agent has no such limit.
/// </summary>
public sealed class TaskRunner(AgentSettings settings, AgentApiClient server, GatherRunner gatherer) : ITaskRunner
{
    private bool AllowPrivateAddresses => settings.AllowPrivateUrls || !server.IsServerAgent;

    public Task<TaskReport> RunAsync(ClaimedTask task, CancellationToken cancellationToken) => task.Kind switch
    {
        "scrape_job" => ScrapeAsync(task, cancellationToken),
        "gather_job" => gatherer.GatherAsync(task, Credential(task), AllowPrivateAddresses, cancellationToken),
        "helm_sync_job" => gatherer.DiscoverChartsAsync(task, Credential(task), AllowPrivateAddresses, cancellationToken),
        _ => throw new TaskFailedException($"this agent does not know jobs of kind '{task.Kind}'; upgrade it", retryable: false),
    };

    private async Task<TaskReport> ScrapeAsync(ClaimedTask task, CancellationToken cancellationToken)
    {
        var request = new ScrapeRequest(
            Required(task, "repository_url"), task.JobField("ref") ?? "main", Required(task, "target_file"), Required(task, "parse_type"),
            Required(task, "parse_expression"), task.JobField("version_transform") ?? "none", Credential(task));
        var found = await new Scraper(new GitCheckout(AllowPrivateAddresses)).ScrapeAsync(request, cancellationToken);
        return new TaskReport(Version: found.Version, CommitSha: found.CommitSha);
    }

    /// <summary>The credential the job names, from this agent's configuration.</summary>
    private AgentCredential? Credential(ClaimedTask task) => task.JobField("credential_name") is not { } name
        ? null
        : settings.Credential(name) ?? throw new TaskFailedException($"this agent has no credential named '{name}' (see its config.yaml)", retryable: false);

    public static string Required(ClaimedTask task, string field) =>
        task.JobField(field) ?? throw new TaskFailedException($"the task has no {field}; the server and the agent versions may not match", retryable: false);
}
