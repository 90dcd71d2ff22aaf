using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Planekeeper.Agent.Configuration;

namespace Planekeeper.Agent.Server;

/// <summary>
/// The Agent API over HTTP (<c>/api/v1/agent/*</c>, <c>X-API-Key</c>). Refused keys throw
/// <see cref="ServerRefusedKeyException"/>; anything else that is not an answer throws <see cref="HttpRequestException"/>.
/// </summary>
public sealed class AgentApiClient(HttpClient http, AgentSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly string Version = typeof(AgentApiClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private string? _apiKey = settings.ApiKey;

    public long AgentId { get; private set; }

    /// <summary>Whether this agent provisioned its key itself (and so releases it when it stops).</summary>
    public bool ProvisionedItsKey { get; private set; }

    /// <summary>A server agent without a key provisions one with the bootstrap secret.</summary>
    public async Task EnsureKeyAsync(CancellationToken cancellationToken)
    {
        if (_apiKey is not null)
        {
            return;
        }

        using var answer = await PostAsync("bootstrap", new { secret = settings.BootstrapSecret, hostname = settings.AgentName }, cancellationToken);
        _apiKey = (await answer.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken)).GetProperty("key").GetString();
        ProvisionedItsKey = true;
    }

    /// <summary>Deactivates a key this agent provisioned itself; nothing else.</summary>
    public async Task ReleaseKeyAsync(CancellationToken cancellationToken)
    {
        if (ProvisionedItsKey)
        {
            using var _ = await PostAsync("release-key", new { }, cancellationToken);
        }
    }

    public TimeSpan HeartbeatInterval { get; private set; } = TimeSpan.FromSeconds(15);

    /// <summary>Known after the first heartbeat: whether the key belongs to the global scope (a server agent).</summary>
    public bool IsServerAgent { get; private set; }

    public async Task HeartbeatAsync(object? rateLimits, CancellationToken cancellationToken)
    {
        var answer = await PostAsync("heartbeat", new
        {
            agent_name = settings.AgentName,
            version = Version,
            capabilities = settings.Capabilities,
            credentials = settings.Credentials.Select(c => new { name = c.Name, type = c.Type }),
            rate_limits = rateLimits,
        }, cancellationToken);
        var body = (await answer.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken))!;
        AgentId = body.GetProperty("agent_id").GetInt64();
        IsServerAgent = body.GetProperty("organization_id").GetInt64() == 0;
        HeartbeatInterval = TimeSpan.FromSeconds(Math.Max(1, body.GetProperty("heartbeat_interval_seconds").GetInt32()));
    }

    /// <returns>
    /// Up to <paramref name="maxTasks"/> tasks claimed together, or none when none came within <paramref name="wait"/>.
    /// A server that predates <c>max_tasks</c> answers with the single task (docs/jobs.md, "Claiming").
    /// </returns>
    public async Task<IReadOnlyList<ClaimedTask>> ClaimAsync(int maxTasks, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("tasks/claim", new { agent_id = AgentId, wait_seconds = (int)wait.TotalSeconds, max_tasks = maxTasks }, cancellationToken);
        if (answer.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        var body = await answer.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return body.TryGetProperty("tasks", out var tasks) ? tasks.Deserialize<List<ClaimedTask>>(Json)! : [body.Deserialize<ClaimedTask>(Json)!];
    }

    /// <returns>False when the lease is no longer this agent's (the server gave the task to someone else).</returns>
    public async Task<bool> RenewAsync(long taskId, CancellationToken cancellationToken) =>
        await ReportAsync($"tasks/{taskId}/renew", new { agent_id = AgentId }, cancellationToken);

    /// <returns>
    /// Whether the server took each reported task (in the report's order), and up to <paramref name="claimNext"/> next tasks
    /// claimed with the report. A report the server refused whole (404: it no longer knows this agent) took none.
    /// </returns>
    public async Task<(IReadOnlyList<bool> Accepted, IReadOnlyList<ClaimedTask> Next)> ReportAsync(
        IReadOnlyList<FinishedReport> finished, int claimNext, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("tasks/report", new
        {
            agent_id = AgentId,
            claim_next = claimNext,
            results = finished.Select(Item),
        }, cancellationToken, HttpStatusCode.NotFound);
        if (!answer.IsSuccessStatusCode)
        {
            return (finished.Select(_ => false).ToList(), []);
        }

        var body = await answer.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return (body.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("outcome").GetString() != "refused").ToList(),
            body.GetProperty("tasks").Deserialize<List<ClaimedTask>>(Json)!);
    }

    private static object Item(FinishedReport task) => task.Result is not { } report
        ? new { task_id = task.TaskId, outcome = "fail", error = task.Error, retryable = task.Retryable }
        : new
        {
            task_id = task.TaskId,
            outcome = "complete",
            releases = report.Releases,
            version = report.Version,
            commit_sha = report.CommitSha,
            charts = report.Charts,
            unchanged = report.Unchanged,
            etag = report.Etag,
            last_modified = report.LastModified,
        };

    public async Task<bool> FailAsync(long taskId, string error, bool retryable, CancellationToken cancellationToken) =>
        await ReportAsync($"tasks/{taskId}/fail", new { agent_id = AgentId, error, retryable }, cancellationToken);

    private async Task<bool> ReportAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync(path, body, cancellationToken, HttpStatusCode.Conflict, HttpStatusCode.NotFound);
        return answer.IsSuccessStatusCode;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object body, CancellationToken cancellationToken, params HttpStatusCode[] accepted)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ServerUrl, "api/v1/agent/" + path)) { Content = JsonContent.Create(body, options: Json) };
        if (_apiKey is not null)
        {
            request.Headers.Add("X-API-Key", _apiKey);
        }

        var answer = await http.SendAsync(request, cancellationToken);
        if (answer.IsSuccessStatusCode || accepted.Contains(answer.StatusCode))
        {
            return answer;
        }

        var text = await answer.Content.ReadAsStringAsync(cancellationToken);
        answer.Dispose();
        throw answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? new ServerRefusedKeyException($"the server at {settings.ServerUrl} refused the {(_apiKey is null ? "bootstrap secret" : "API key")} ({(int)answer.StatusCode}): {Detail(text)}")
            : new HttpRequestException($"{path}: the server answered {(int)answer.StatusCode}: {Detail(text)}", null, answer.StatusCode);
    }

    private static string Detail(string problem)
    {
        try
        {
            return JsonDocument.Parse(problem).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? problem : problem;
        }
        catch (JsonException)
        {
            return problem.Length > 200 ? problem[..200] : problem;
        }
    }
}
