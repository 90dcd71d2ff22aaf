using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Server;
using Planekeeper.Agent.Work;
using Planekeeper.Tests.Agent.Support;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Agent.Reporting;

/// <summary>
/// The Agent program's reports (docs/agent.md, "Running several tasks at once"): one report request at a time, the
/// tasks finished meanwhile together in the next, each slot asking for its next task in it.
/// </summary>
public sealed class TaskReportsTests
{
    [Fact]
    public async Task Tasks_finished_while_a_report_is_in_flight_go_together_in_the_next_and_each_slot_gets_its_next_task()
    {
        await using var server = await HeldReportServer.StartAsync();
        using var http = new HttpClient();
        var reports = new TaskReports(new AgentApiClient(http, Settings(server.Url)));

        var first = reports.ReportAsync(FinishedReport.Completed(1, new TaskReport(Version: "1.0.0")), wantsNext: true);
        await Eventually.ReturnsAsync(() => Task.FromResult(server.Arrived), arrived => arrived == 1, TimeSpan.FromSeconds(10), "the first report in flight");
        var second = reports.ReportAsync(FinishedReport.Completed(2, new TaskReport(Version: "1.0.1")), wantsNext: true);
        var third = reports.ReportAsync(FinishedReport.Failed(3, "upstream answered 503", retryable: true), wantsNext: true);
        var fourth = reports.ReportAsync(FinishedReport.Completed(4, new TaskReport(Version: "1.0.2")), wantsNext: false);
        server.Open();
        await Task.WhenAll(first, second, third, fourth);

        Assert.Equal(2, server.Reports.Count);
        var together = server.Reports[1];
        Assert.Equal([2L, 3L, 4L], together.GetProperty("results").EnumerateArray().Select(task => task.GetProperty("task_id").GetInt64()));
        Assert.Equal(["complete", "fail", "complete"], together.GetProperty("results").EnumerateArray().Select(task => task.GetProperty("outcome").GetString()));
        Assert.Equal(2, together.GetProperty("claim_next").GetInt32());
        Assert.Equal(1001L, (await first).Next?.TaskId);
        Assert.Equal(1002L, (await second).Next?.TaskId);
        Assert.Equal(1003L, (await third).Next?.TaskId);
        Assert.Null((await fourth).Next);
        Assert.True((await fourth).Accepted);
    }

    private static AgentSettings Settings(Uri server) => new(
        server, "pk_1_secret", "reporting", AgentSettings.DefaultPollInterval, AgentSettings.AllCapabilities, [], null, AgentSettings.DefaultGitHubApiUrl, false);
}
