using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Jobs;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Tasks;

/// <summary>What an agent needs to run a job: the capability of its kind and, when named, a credential.</summary>
public sealed record JobNeeds(string Capability, string? CredentialName)
{
    public static string CapabilityOf(string kind) => JobKind.Of(kind).Capability;

    public bool CanBeRunBy(ClaimingAgent agent) =>
        agent.Capabilities.Contains(Capability)
        && (CredentialName is null || (!agent.IsServerAgent && agent.CredentialNames.Contains(CredentialName)));
}

/// <summary>A job as the task engine holds it: its definition as agents need it, and its run state.</summary>
public sealed class EngineJob(JobRef job, JobDefinitionForTasks definition, JobRunState run, int persistedRunVersion)
{
    public JobRef Ref { get; } = job;

    public JobDefinitionForTasks Definition { get; set; } = definition;

    private JobRunState _run = run;

    /// <summary>The job's run, held inside it as a value: a change hangs no new object on this long-lived one (docs/jobs.md, "How it is built").</summary>
    public JobRunState Run
    {
        get => _run;
        set
        {
            _run = value;
            RunChanges++;
        }
    }

    /// <summary>How often <see cref="Run"/> changed in memory: a call that awaited compares it to see whether the run moved meanwhile.</summary>
    public int RunChanges { get; private set; }

    /// <summary>The run_version the row has in the database; the next write expects it.</summary>
    public int PersistedRunVersion { get; set; } = persistedRunVersion;

    /// <summary>A gather job's upstream validators from its last run, for the next conditional request.</summary>
    public UpstreamValidators? Validators { get; set; }
}

/// <summary>The part of a job's definition the engine uses: what it needs, when it runs, what the agent gets.</summary>
public sealed record JobDefinitionForTasks(
    JobNeeds Needs,
    CronSchedule? Schedule,
    bool Runnable,
    int DefinitionVersion,
    string JobJson,
    int HistoryLimit);
