using System.Diagnostics;
using System.Text.Json;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// The floor of figure (e): the Agent API routes the (d2) agents call (heartbeat, claim, report) answered by a bare
/// Kestrel server with bodies of the same shape as the WebFrontend's, and nothing behind them: no key check, no rate
/// limit, no grain call, no database. Started as a child process of this program (<see cref="Command"/>) so that its
/// CPU is told apart from the agents'. What the same loop of HTTP agents costs when the server does no work: the part
/// of (d2) that no change to Planekeeper can remove while the agents share the machine's cores.
/// </summary>
public static class NullAgentApi
{
    public const string Command = "null-agent-api";

    public sealed record HeartbeatRequest(string? AgentName, string? Version);

    public sealed record ClaimRequest(long? AgentId, int? WaitSeconds, int? MaxTasks);

    public sealed record ReportRequest(long? AgentId, List<ReportedTask>? Results, int? ClaimNext);

    public sealed record ReportedTask(long? TaskId, string? Outcome, List<ReleaseRequest>? Releases);

    public sealed record ReportedOutcome(long TaskId, string Outcome, object? Problem);

    public sealed record ReleaseRequest(string? Version, DateTime? ReleasedAt, bool? Prerelease);

    public sealed record TaskView(long TaskId, long OrganizationId, string Kind, long JobId, int Attempt, DateTime LeaseExpiresAt, JobView Job, object? Previous);

    public sealed record JobView(long Id, string Name, string SourceType, string ArtifactName, string? TagFilter, bool IncludePrereleases);

    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        var app = builder.Build();
        long nextTaskId = 0;
        app.MapGet("/ready", () => Results.Ok());
        app.MapPost("/api/v1/agent/heartbeat", (HeartbeatRequest _) => Results.Ok(new { agent_id = 1 }));
        app.MapPost("/api/v1/agent/tasks/claim", (ClaimRequest claim) =>
            Results.Ok(new { tasks = Enumerable.Range(0, claim.MaxTasks ?? 1).Select(_ => Task(Interlocked.Increment(ref nextTaskId))).ToList() }));
        app.MapPost("/api/v1/agent/tasks/report", (ReportRequest report) => Results.Ok(new
        {
            results = (report.Results ?? []).Select(task => new ReportedOutcome(task.TaskId ?? 0, "succeeded", null)).ToList(),
            tasks = Enumerable.Range(0, report.ClaimNext ?? 0).Select(_ => Task(Interlocked.Increment(ref nextTaskId))).ToList(),
        }));
        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts this program again as the null server on a free port.</summary>
    public static Task<ServerProcess> StartAsync()
    {
        var port = BenchEnvironment.FreePort();
        var start = new ProcessStartInfo("dotnet", [typeof(NullAgentApi).Assembly.Location, Command, port.ToString()]);
        return ServerProcess.StartAsync(start, port, "the null Agent API");
    }

    private static TaskView Task(long taskId) => new(
        taskId, 1, "gather", taskId, 1, DateTime.UtcNow.AddSeconds(30),
        new JobView(taskId, $"j{taskId}", "github_releases", $"github.com/o/r{taskId}", null, false), null);
}
