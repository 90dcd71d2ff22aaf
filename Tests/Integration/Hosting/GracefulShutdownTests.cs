using System.Diagnostics;
using System.Net;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Tasks;
using Xunit.Abstractions;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// SIGTERM to a frontend (docs/deploy.md, "Graceful shutdown"): an agent's held long-poll answers 503 with
/// <c>Retry-After</c> at once instead of holding the shutdown, the process exits within 10 s, and a job queued after
/// the drain is claimed through another frontend — nothing handed out is lost.
/// </summary>
public sealed class GracefulShutdownTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_stopping_frontend_answers_its_long_polls_503_and_exits_within_10_s()
    {
        using var owner = system.Client();
        await owner.SignUpAsync("graceful-owner@example.com");
        await owner.CreateOrganizationAsync("Graceful Org");
        var (_, key) = await owner.CreateApiKeyAsync("graceful agent");
        var stopping = await system.StartFrontendAsync([]);
        using var agent = await TestAgent.StartAsync(stopping.BaseAddress, key, "graceful-1");

        var longPoll = agent.TryClaimAsync(waitSeconds: 25);
        using var http = new HttpClient();
        await Eventually.ReturnsAsync(
            async () => PrometheusText.Sum(await http.GetStringAsync(new Uri(stopping.InternalBaseAddress, "metrics")), "http_server_active_requests", ("http_request_method", "POST")),
            active => active >= 1,
            TimeSpan.FromSeconds(10),
            "the long-poll in progress on the frontend");
        var clock = Stopwatch.StartNew();
        stopping.Process.Terminate();

        var (status, task, text) = await longPoll;
        output.WriteLine($"SIGTERM → long-poll answered {(int)status} after {clock.Elapsed.TotalSeconds:F2} s");
        Assert.True(status == HttpStatusCode.ServiceUnavailable, $"the held long-poll answered {(int)status}: {text}");
        Assert.Null(task);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the long-poll was held {clock.Elapsed} into the shutdown");

        Assert.Equal(0, await stopping.Process.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        output.WriteLine($"SIGTERM → process exited after {clock.Elapsed.TotalSeconds:F2} s");

        var job = await owner.CreateGatherJobAsync("after the drain");
        using var elsewhere = await TestAgent.StartAsync(system.Frontend.BaseAddress, key, "graceful-1");
        var claimed = await elsewhere.ClaimAsync(waitSeconds: 10) ?? throw new InvalidOperationException("the job was not handed out after the drain");
        Assert.Equal(job, TestAgent.JobId(claimed));
    }
}
