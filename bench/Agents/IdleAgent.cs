using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Planekeeper.Bench.Agents;

/// <summary>
/// A client agent with nothing to do, as the Agent program behaves then (docs/agent.md, "What the agent does"): it
/// heartbeats every interval the server asked for and keeps a claim long-polling (<c>wait_seconds</c> 25, the maximum),
/// claiming again as soon as one ends with 204. Both loops start at a random point of their period, as a fleet that was
/// not started in the same second.
/// </summary>
public sealed class IdleAgent(HttpClient http, string apiKey, string name, FleetCounters counters)
{
    public const int WaitSeconds = 25;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly byte[] _heartbeatBody = Encoding.UTF8.GetBytes($$"""{"agent_name":"{{name}}","version":"bench"}""");
    private byte[] _claimBody = [];
    private TimeSpan _interval;
    private long _lastBeat;

    /// <summary>The first heartbeat: the agent's id and the interval the server asks for.</summary>
    public async Task RegisterAsync()
    {
        using var response = await PostAsync("api/v1/agent/heartbeat", _heartbeatBody, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var agentId = body.RootElement.GetProperty("agent_id").GetInt64();
        _interval = TimeSpan.FromSeconds(body.RootElement.GetProperty("heartbeat_interval_seconds").GetInt32());
        _claimBody = Encoding.UTF8.GetBytes($$"""{"agent_id":{{agentId}},"wait_seconds":{{WaitSeconds}}}""");
        _lastBeat = Stopwatch.GetTimestamp();
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var heartbeatStart = _interval * Random.Shared.NextDouble();
        var claimStart = TimeSpan.FromSeconds(WaitSeconds) * Random.Shared.NextDouble();
        var heartbeats = HeartbeatLoopAsync(heartbeatStart, stop);
        var claims = ClaimLoopAsync(claimStart, stop);
        await Task.Delay(heartbeatStart > claimStart ? heartbeatStart : claimStart, stop);
        counters.Started();
        await Task.WhenAll(heartbeats, claims);
    }

    private async Task HeartbeatLoopAsync(TimeSpan start, CancellationToken stop)
    {
        await Task.Delay(start, stop);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await PostAsync("api/v1/agent/heartbeat", _heartbeatBody, stop);
                if (response.IsSuccessStatusCode)
                {
                    var now = Stopwatch.GetTimestamp();
                    counters.Beat(Stopwatch.GetElapsedTime(_lastBeat, now));
                    _lastBeat = now;
                }
                else
                {
                    counters.HeartbeatFailed($"heartbeat: HTTP {(int)response.StatusCode}");
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
            {
                counters.HeartbeatFailed($"heartbeat: {exception.GetType().Name}: {exception.Message}");
            }

            await Task.Delay(_interval, stop);
        }
    }

    private async Task ClaimLoopAsync(TimeSpan start, CancellationToken stop)
    {
        await Task.Delay(start, stop);
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                counters.ClaimStarted();
                using var response = await PostAsync("api/v1/agent/tasks/claim", _claimBody, stop);
                counters.ClaimEnded(response.StatusCode, Stopwatch.GetElapsedTime(started));
                if (response.StatusCode is not (HttpStatusCode.NoContent or HttpStatusCode.OK))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
            {
                counters.ClaimFailed($"claim: {exception.GetType().Name}: {exception.Message}");
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
        }
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[] body, CancellationToken stop)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) { Headers = { ContentType = Json } } };
        request.Headers.Add("X-API-Key", apiKey);
        return http.SendAsync(request, stop);
    }
}
