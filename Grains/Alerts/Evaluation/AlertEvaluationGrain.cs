using Orleans.Concurrency;
using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>Has the alert configs of completed jobs (the task engine found them), changed jobs or a changed rule (one query) evaluate.</summary>
[StatelessWorker]
[GrainType("planekeeper.alerts.evaluation")]
public sealed class AlertEvaluationGrain(AlertConfigStore alertConfigs, IEnumerable<IAlertEvaluationObserver> observers) : Grain, IAlertEvaluationGrain
{
    public Task JobsCompletedAsync(long organizationId, IReadOnlyList<JobRef> jobs, IReadOnlyList<long> configs)
    {
        Observe(organizationId, jobs);
        return EvaluateAsync(configs);
    }

    public async Task JobsChangedAsync(long organizationId, IReadOnlyList<JobRef> jobs)
    {
        var scrapeJobs = jobs.Where(job => job.Kind == JobRef.Scrape).Select(job => job.Id).ToArray();
        var gatherJobs = jobs.Where(job => job.Kind == JobRef.Gather).Select(job => job.Id).ToArray();
        if (scrapeJobs.Length == 0 && gatherJobs.Length == 0)
        {
            return;
        }

        Observe(organizationId, jobs);
        await EvaluateAsync(await alertConfigs.ActiveUsingJobsAsync(organizationId, scrapeJobs, gatherJobs));
    }

    private void Observe(long organizationId, IReadOnlyList<JobRef> jobs)
    {
        foreach (var observer in observers)
        {
            observer.BeforeEvaluation(organizationId, jobs);
        }
    }

    private Task EvaluateAsync(IReadOnlyList<long> configs) =>
        Task.WhenAll(configs.Select(id => GrainFactory.GetGrain<IAlertConfigGrain>(id).EvaluateAsync("job completed")));

    public async Task<IReadOnlyList<ConfigEvaluation>> RuleChangedAsync(long ruleId, string trigger)
    {
        var configs = await alertConfigs.UsingRuleAsync(ruleId);
        return await Task.WhenAll(configs.Select(id => GrainFactory.GetGrain<IAlertConfigGrain>(id).EvaluateAsync(trigger)));
    }
}
