using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>
/// The Agent API's <c>POST /api/v1/agent/tasks/report</c> standing in for the server: it holds the first report until
/// <see cref="Open"/> (so the test knows what finishes while a report is in flight), records every report's body, and
/// answers every task succeeded with <c>claim_next</c> new tasks, numbered from 1001.
/// </summary>
public sealed class HeldReportServer : StandInServer
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<JsonElement> _reports = new();
    private int _arrived;
    private long _nextTaskId = 1000;

    /// <summary>The reports that arrived (the first one before it is answered).</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public IReadOnlyList<JsonElement> Reports => _reports.ToArray();

    public static async Task<HeldReportServer> StartAsync()
    {
        var server = new HeldReportServer();
        await server.ListenAsync();
        return server;
    }

    public void Open() => _open.TrySetResult();

    protected override void Map(WebApplication app) => app.MapPost("/api/v1/agent/tasks/report", (Delegate)ReportAsync);

    private async Task<IResult> ReportAsync(HttpContext context)
    {
        var report = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
        _reports.Enqueue(report);
        if (Interlocked.Increment(ref _arrived) == 1)
        {
            await _open.Task.WaitAsync(context.RequestAborted);
        }

        var results = report.GetProperty("results").EnumerateArray().Select(task => new { task_id = task.GetProperty("task_id").GetInt64(), outcome = "succeeded" });
        var tasks = Enumerable.Range(0, report.GetProperty("claim_next").GetInt32()).Select(_ => new
        {
            task_id = Interlocked.Increment(ref _nextTaskId), organization_id = 1, kind = "gather_job", job_id = 7, attempt = 1,
            lease_expires_at = DateTimeOffset.UtcNow.AddSeconds(30), job = new { }, previous = (object?)null,
        });
        return Results.Json(new { results, tasks });
    }
}
