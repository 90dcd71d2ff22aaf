using System.Net;
using System.Text.Json;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// An agent speaking the Agent API over HTTP, as the Agent program does: it heartbeats in the background (every
/// 500 ms, well inside the shortest offline bound tests configure) until stopped, and claims, renews and reports.
/// </summary>
public sealed class TestAgent : IDisposable
{
    private static readonly TimeSpan BeatEvery = TimeSpan.FromMilliseconds(500);

    private readonly ApiClient _client;
    private readonly object _heartbeat;
    private readonly CancellationTokenSource _stop = new();

    private TestAgent(ApiClient client, object heartbeat)
    {
        _client = client;
        _heartbeat = heartbeat;
    }

    public long Id { get; private set; }

    public static async Task<TestAgent> StartAsync(Uri frontend, string key, string name, string[]? capabilities = null, params (string Name, string Type)[] credentials)
    {
        var agent = new TestAgent(ApiClient.WithKey(frontend, key), new
        {
            agent_name = name,
            version = "test",
            capabilities,
            credentials = credentials.Select(c => new { name = c.Name, type = c.Type }).ToArray(),
        });
        agent.Id = await agent.HeartbeatAsync();
        _ = agent.BeatUntilStoppedAsync();
        return agent;
    }

    /// <summary>The agent "dies": no more heartbeats.</summary>
    public void StopHeartbeats() => _stop.Cancel();

    public async Task<long> HeartbeatAsync() =>
        (await _client.OkAsync(HttpMethod.Post, "/api/v1/agent/heartbeat", _heartbeat)).GetProperty("agent_id").GetInt64();

    public Task<HttpStatusCode> TryHeartbeatAsync() => StatusAsync("/api/v1/agent/heartbeat", _heartbeat);

    private async Task BeatUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(BeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await TryHeartbeatAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <returns>The task, or null when the server answered 204 (nothing to do).</returns>
    public async Task<JsonElement?> ClaimAsync(int waitSeconds = 0)
    {
        var (status, task, text) = await TryClaimAsync(waitSeconds);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"claim: expected 200 or 204, got {(int)status}: {text}");
        return task;
    }

    /// <summary>A claim whatever the answer, for tests where the cluster may be recovering.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Task, string Text)> TryClaimAsync(int waitSeconds = 0)
    {
        try
        {
            using var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/agent/tasks/claim", new { agent_id = Id, wait_seconds = waitSeconds });
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(text).RootElement.Clone() : null, text);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (HttpStatusCode.ServiceUnavailable, null, exception.Message);
        }
    }


    /// <summary>Claims until nothing is left; returns every task received.</summary>
    public async Task<List<JsonElement>> ClaimAllAsync()
    {
        var tasks = new List<JsonElement>();
        while (await ClaimAsync() is { } task)
        {
            tasks.Add(task);
        }

        return tasks;
    }

    public Task<HttpStatusCode> RenewAsync(long taskId) => StatusAsync($"/api/v1/agent/tasks/{taskId}/renew", new { agent_id = Id });

    public Task<HttpStatusCode> CompleteAsync(long taskId, object result) => StatusAsync($"/api/v1/agent/tasks/{taskId}/complete", Merge(result));

    /// <summary>Completes with the result its kind reports: one release, a version, or one chart.</summary>
    public Task<HttpStatusCode> CompleteAsync(JsonElement task) => CompleteAsync(TaskId(task), SampleResult(task.GetProperty("kind").GetString()!));

    public Task<HttpStatusCode> FailAsync(long taskId, string error, bool retryable) =>
        StatusAsync($"/api/v1/agent/tasks/{taskId}/fail", new { agent_id = Id, error, retryable });

    public static long TaskId(JsonElement task) => task.GetProperty("task_id").GetInt64();

    public static long JobId(JsonElement task) => task.GetProperty("job_id").GetInt64();

    public static object SampleResult(string kind) => kind switch
    {
        "gather_job" => new { releases = new[] { new { version = "v1.0.0", released_at = "2026-01-02T03:04:05Z", prerelease = false } } },
        "scrape_job" => new { version = "1.0.0", commit_sha = "abc123" },
        _ => new { charts = new[] { new { name = "nginx", latest_version = "1.0.0", app_version = "1.25" } } },
    };

    /// <summary>The answer's status; a request that fails or times out counts as 503, as an agent would retry it.</summary>
    private async Task<HttpStatusCode> StatusAsync(string path, object body)
    {
        try
        {
            using var response = await _client.SendAsync(HttpMethod.Post, path, body);
            return response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return HttpStatusCode.ServiceUnavailable;
        }
    }

    private Dictionary<string, object?> Merge(object result)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(result))!;
        fields["agent_id"] = Id;
        return fields;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _client.Dispose();
    }
}
