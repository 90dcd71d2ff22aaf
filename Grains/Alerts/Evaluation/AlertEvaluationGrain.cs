using Orleans.Concurrency;
using Planekeeper.Grains.Alerts.Configs;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>Finds the alert configs that use changed jobs or a changed rule (one query) and has each evaluate itself.</summary>
[StatelessWorker]
[GrainType("planekeeper.alerts.evaluation")]
public sealed class AlertEvaluationGrain(AlertConfigStore alertConfigs, IEnumerable<IAlertEvaluationObserver> observers) : Grain, IAlertEvaluationGrain
{
    public Task JobsCompletedAsync(long organizationId, IReadOnlyList<JobRef> jobs) => JobsChangedAsync(organizationId, jobs);

    public async Task JobsChangedAsync(long organizationId, IReadOnlyList<JobRef> jobs)
    {
        var scrapeJobs = jobs.Where(job => job.Kind == JobRef.Scrape).Select(job => job.Id).ToArray();
        var gatherJobs = jobs.Where(job => job.Kind == JobRef.Gather).Select(job => job.Id).ToArray();
        if (scrapeJobs.Length == 0 && gatherJobs.Length == 0)
        {
            return;
        }

        foreach (var observer in observers)
        {
            observer.BeforeEvaluation(organizationId, jobs);
        }

        var configs = await alertConfigs.ActiveUsingJobsAsync(organizationId, scrapeJobs, gatherJobs);
        await Task.WhenAll(configs.Select(id => GrainFactory.GetGrain<IAlertConfigGrain>(id).EvaluateAsync("job completed")));
    }

    public async Task<IReadOnlyList<ConfigEvaluation>> RuleChangedAsync(long ruleId, string trigger)
    {
        var configs = await alertConfigs.UsingRuleAsync(ruleId);
        return await Task.WhenAll(configs.Select(id => GrainFactory.GetGrain<IAlertConfigGrain>(id).EvaluateAsync(trigger)));
    }
}
