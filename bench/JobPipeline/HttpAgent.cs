using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// An agent speaking the Agent API over HTTP to the WebFrontend, as the Agent program does: heartbeat once, then
/// <c>POST /api/v1/agent/tasks/claim</c> (no waiting, unless told to long-poll as the Agent program does) with <c>max_tasks</c> = its free slots, and
/// <c>POST /api/v1/agent/tasks/report</c> with one release for each task it holds, all in one request (with
/// <c>claim_next</c> = its slots when asked: the answer's <c>tasks</c> are worked on, and only the slots that got none
/// claim). The previous way, one <c>POST /api/v1/agent/tasks/{id}/complete</c> per task (with <c>claim_next</c>:
/// true), stays for comparison (<c>reportTogether</c> false).
/// </summary>
public sealed class HttpAgent : IJobWorker
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly string _apiKey;
    private readonly long _agentId;
    private readonly int _slots;
    private readonly int _waitSeconds;
    private const string OneRelease = """[{"version":"v1","released_at":"2026-01-01T00:00:00Z","prerelease":false}]""";

    private readonly byte[] _completeBody;
    private readonly bool _claimNext;
    private readonly bool _reportTogether;
    private List<long> _held = [];

    private HttpAgent(HttpClient http, string apiKey, long agentId, bool claimNext, int slots, int waitSeconds, bool reportTogether)
    {
        _http = http;
        _apiKey = apiKey;
        _agentId = agentId;
        _slots = slots;
        _waitSeconds = waitSeconds;
        _claimNext = claimNext;
        _reportTogether = reportTogether;
        _completeBody = Encoding.UTF8.GetBytes($$"""{"agent_id":{{agentId}},"claim_next":{{(claimNext ? "true" : "false")}},"releases":{{OneRelease}}}""");
    }

    /// <summary>One client for every agent, with a connection per slot so that no request queues for a connection.</summary>
    public static HttpClient Client(Uri frontend, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections * 2,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    })
    {
        BaseAddress = frontend,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <param name="waitSeconds">How long a claim may long-poll when nothing is due (0: answer at once).</param>
    /// <param name="reportTogether">One report request for every task held (else one complete request per task).</param>
    public static async Task<IJobWorker> HeartbeatAsync(
        HttpClient http, PlanekeeperOrganization organization, string name, bool claimNext, int slots = 1, int waitSeconds = 0, bool reportTogether = true)
    {
        using var response = await PostAsync(http, organization.ApiKey, "api/v1/agent/heartbeat", Encoding.UTF8.GetBytes($$"""{"agent_name":"{{name}}","version":"bench"}"""));
        using var body = JsonDocument.Parse(await Success(response, "heartbeat").Content.ReadAsStreamAsync());
        return new HttpAgent(http, organization.ApiKey, body.RootElement.GetProperty("agent_id").GetInt64(), claimNext, slots, waitSeconds, reportTogether);
    }

    public async Task<int> ClaimAsync()
    {
        if (_held.Count < _slots)
        {
            var claim = Encoding.UTF8.GetBytes($$"""{"agent_id":{{_agentId}},"wait_seconds":{{_waitSeconds}},"max_tasks":{{_slots - _held.Count}}}""");
            using var response = await PostAsync(_http, _apiKey, "api/v1/agent/tasks/claim", claim);
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                using var answer = JsonDocument.Parse(await Success(response, "claim").Content.ReadAsStreamAsync());
                _held.AddRange(answer.RootElement.GetProperty("tasks").EnumerateArray().Select(task => task.GetProperty("task_id").GetInt64()));
            }
        }

        return _held.Count;
    }

    public async Task CompleteAsync()
    {
        if (_reportTogether)
        {
            _held = await ReportAsync();
            return;
        }

        var next = await Task.WhenAll(_held.Select(CompleteAsync));
        _held = next.OfType<long>().ToList();
    }

    /// <returns>The tasks claimed with the report; every reported task must have succeeded.</returns>
    private async Task<List<long>> ReportAsync()
    {
        var results = string.Join(",", _held.Select(taskId => $$"""{"task_id":{{taskId}},"outcome":"complete","releases":{{OneRelease}}}"""));
        var body = Encoding.UTF8.GetBytes($$"""{"agent_id":{{_agentId}},"claim_next":{{(_claimNext ? _slots : 0)}},"results":[{{results}}]}""");
        using var response = await PostAsync(_http, _apiKey, "api/v1/agent/tasks/report", body);
        using var answer = JsonDocument.Parse(await Success(response, "report").Content.ReadAsStreamAsync());
        if (answer.RootElement.GetProperty("results").EnumerateArray().FirstOrDefault(result => result.GetProperty("outcome").GetString() != "succeeded") is
            { ValueKind: JsonValueKind.Object } refused)
        {
            throw new HttpRequestException($"report: a task was not taken: {refused}");
        }

        return answer.RootElement.GetProperty("tasks").EnumerateArray().Select(task => task.GetProperty("task_id").GetInt64()).ToList();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<long?> CompleteAsync(long taskId)
    {
        using var response = await PostAsync(_http, _apiKey, $"api/v1/agent/tasks/{taskId}/complete", _completeBody);
        using var answer = JsonDocument.Parse(await Success(response, "complete").Content.ReadAsStreamAsync());
        return answer.RootElement.TryGetProperty("next_task", out var next) && next.ValueKind == JsonValueKind.Object
            ? next.GetProperty("task_id").GetInt64()
            : null;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string apiKey, string path, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) { Headers = { ContentType = Json } } };
        request.Headers.Add("X-API-Key", apiKey);
        return http.SendAsync(request);
    }

    private static HttpResponseMessage Success(HttpResponseMessage response, string what) =>
        response.IsSuccessStatusCode ? response : throw new HttpRequestException($"{what}: HTTP {(int)response.StatusCode}", null, response.StatusCode);
}
