using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>Finds the alert configs whose inputs changed and has each evaluate itself. Stateless.</summary>
[Alias("planekeeper.alerts.evaluation")]
public interface IAlertEvaluationGrain : IGrainWithIntegerKey
{
    /// <summary>Jobs of the organization completed a run (or got a version by hand).</summary>
    [Alias("jobs-changed")]
    Task JobsChangedAsync(long organizationId, IReadOnlyList<JobRef> jobs);

    /// <summary>
    /// Jobs completed and <paramref name="alertConfigs"/> use them (the task engine found which in its write): they
    /// evaluate, without the caller waiting. The task engine's claims never wait for evaluations, and a lost call is
    /// made good by the alert reconciliation pass.
    /// </summary>
    [OneWay]
    [Alias("jobs-completed-with-configs")]
    Task JobsCompletedAsync(long organizationId, IReadOnlyList<JobRef> jobs, IReadOnlyList<long> alertConfigs);

    /// <summary>Evaluates every config using the rule.</summary>
    [Alias("rule-changed")]
    Task<IReadOnlyList<ConfigEvaluation>> RuleChangedAsync(long ruleId, string trigger);
}
