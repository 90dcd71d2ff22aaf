using Dapper;
using Npgsql;
using Orleans.Concurrency;
using Planekeeper.Grains.Interfaces.Alerts;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Alerts;

/// <summary>Finds the alert configs that use changed jobs or a changed rule (one query) and has each evaluate itself.</summary>
[StatelessWorker]
[GrainType("planekeeper.alerts.evaluation")]
public sealed class AlertEvaluationGrain(NpgsqlDataSource database, EvaluationCrashHook crashHook) : Grain, IAlertEvaluationGrain
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

        crashHook.BeforeEvaluation();
        await using var connection = await database.OpenConnectionAsync();
        var configs = await connection.QueryAsync<long>(
            """
            SELECT id FROM alert_configs
             WHERE organization_id = @OrganizationId AND active AND (scrape_job_id = ANY(@ScrapeJobs) OR gather_job_id = ANY(@GatherJobs))
             ORDER BY id
            """,
            new { OrganizationId = organizationId, ScrapeJobs = scrapeJobs, GatherJobs = gatherJobs });
        await Task.WhenAll(configs.Select(id => GrainFactory.GetGrain<IAlertConfigGrain>(id).EvaluateAsync("job completed")));
    }

    public async Task<IReadOnlyList<ConfigEvaluation>> RuleChangedAsync(long ruleId, string trigger)
    {
        await using var connection = await database.OpenConnectionAsync();
        var configs = await connection.QueryAsync<long>("SELECT id FROM alert_configs WHERE rule_id = @RuleId ORDER BY id", new { RuleId = ruleId });
        return await Task.WhenAll(configs.Select(id => GrainFactory.GetGrain<IAlertConfigGrain>(id).EvaluateAsync(trigger)));
    }
}
