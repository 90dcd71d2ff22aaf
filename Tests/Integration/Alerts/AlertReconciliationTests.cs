using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Alerts;

/// <summary>
/// The silo of <see cref="AlertReconciliationTests"/> (the test-only <c>Tests/CrashTestSilo</c> program): it dies the
/// moment a completion reaches evaluation while the crash file exists.
/// </summary>
public sealed class CrashBeforeEvaluationSystem : TaskEngineSystem
{
    public string CrashFile { get; } = Path.Combine(Path.GetTempPath(), $"planekeeper-crash-{Guid.NewGuid():N}");

    protected override string SiloProgram => TestEnvironment.CrashTestSiloDll;

    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>(base.SiloSettings)
    {
        ["PLANEKEEPER_TEST_CRASH_PATH"] = CrashFile,
    };
}

public class AlertReconciliationTests(CrashBeforeEvaluationSystem system) : IClassFixture<CrashBeforeEvaluationSystem>
{
    [Fact]
    public async Task A_silo_dying_between_a_completion_and_its_evaluation_loses_nothing_the_next_silo_raises_the_alert_once()
    {
        var (owner, key) = await system.OrganizationAsync("crash");
        using var agent = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "crash-agent");
        var gatherJob = await owner.CreateGatherJobAsync("nginx");
        var scrapeJob = await owner.CreateManualScrapeJobAsync("edge");
        await owner.SetVersionAsync(scrapeJob, "1.0.0");
        var rule = await owner.CreateRuleAsync("majors_behind", 1, 2, 3);
        var config = await owner.CreateConfigAsync("edge nginx", scrapeJob, gatherJob, rule);
        var dying = system.Silos[^1];

        await File.WriteAllTextAsync(system.CrashFile, "die before evaluating");
        var task = await agent.ClaimAsync(waitSeconds: 5) ?? throw new InvalidOperationException("the gather job was not handed out");
        _ = await agent.CompleteAsync(TestAgent.TaskId(task), new { releases = new[] { new { version = "1.0.0" }, new { version = "2.0.0" }, new { version = "3.0.0" } } });
        await dying.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        File.Delete(system.CrashFile);

        Assert.Equal(3L, await system.ScalarAsync<long>($"SELECT count(*) FROM releases WHERE gather_job_id = {gatherJob}"));
        Assert.Equal(0L, await system.ScalarAsync<long>("SELECT count(*) FROM alerts"));
        Assert.True(await system.ScalarAsync<bool>(
            $"SELECT c.evaluated_at < g.last_run_at FROM alert_configs c JOIN gather_jobs g ON g.id = c.gather_job_id WHERE c.id = {config}"),
            "the completion is durable and the config was evaluated before it");

        await system.StartSiloAsync(samePortsAs: dying);
        var alert = await owner.SingleAlertAsync(a => a.Text("severity") == "high", "the alert raised by the reconciliation pass");
        var id = alert.GetProperty("id").GetInt64();
        Assert.Equal([("created", "alert.created")], await owner.ActionsAsync(id));

        var again = await owner.OkAsync(HttpMethod.Post, $"/api/v1/monitoring-rules/{rule}/evaluate");
        Assert.Equal("unchanged", again.GetProperty("items")[0].GetProperty("outcome").GetString());
        Assert.Equal([("created", "alert.created")], await owner.ActionsAsync(id));
        Assert.Equal(1L, await system.ScalarAsync<long>("SELECT count(*) FROM alert_actions WHERE event IS NOT NULL"));
    }
}
