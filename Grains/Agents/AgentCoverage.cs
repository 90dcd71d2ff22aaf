namespace Planekeeper.Grains.Agents;

/// <summary>A job waiting for an agent: what it needs to run.</summary>
public sealed record QueuedJob(string Kind, long Id, string Name, string Capability, string? CredentialName);

/// <summary>An agent that is online now: what it can run.</summary>
public sealed record OnlineAgent(long Id, IReadOnlyList<string> Capabilities, IReadOnlyList<string> CredentialNames);

/// <summary>A queued job no online agent can run, and why.</summary>
public sealed record CoverageGap(string Kind, long JobId, string JobName, string Reason);

/// <summary>
/// Which queued jobs no online agent can run (docs/jobs.md, "Agents": <c>uncovered</c> of the agents summary), naming
/// the missing capability or credential so an operator knows which agent to start or configure.
/// </summary>
public static class AgentCoverage
{
    public static IReadOnlyList<CoverageGap> Gaps(IEnumerable<QueuedJob> jobs, IReadOnlyList<OnlineAgent> agents) =>
        jobs.Select(job => Reason(job, agents) is { } reason ? new CoverageGap(job.Kind, job.Id, job.Name, reason) : null)
            .OfType<CoverageGap>()
            .ToList();

    private static string? Reason(QueuedJob job, IReadOnlyList<OnlineAgent> agents)
    {
        if (agents.Count == 0)
        {
            return "no agent is online";
        }

        var capable = agents.Where(agent => agent.Capabilities.Contains(job.Capability)).ToList();
        if (capable.Count == 0)
        {
            return $"no online agent has the {job.Capability} capability";
        }

        return job.CredentialName is { } credential && !capable.Any(agent => agent.CredentialNames.Contains(credential))
            ? $"no online agent with the {job.Capability} capability holds the credential '{credential}'"
            : null;
    }
}
