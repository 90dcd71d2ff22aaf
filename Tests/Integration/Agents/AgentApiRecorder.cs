using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Planekeeper.Tests.Agent.Support;

namespace Planekeeper.Tests.Integration.Agents;

/// <summary>
/// A real HTTP server between an Agent program and the frontend: forwards every request as it came (the key
/// header and the JSON body) and records each Agent API exchange, so a test sees what the agent asked and was answered.
/// </summary>
public sealed class AgentApiRecorder : StandInServer
{
    private readonly ConcurrentQueue<AgentApiExchange> _exchanges = new();
    private readonly HttpClient _frontend;

    private AgentApiRecorder(Uri frontend) => _frontend = new HttpClient { BaseAddress = frontend, Timeout = TimeSpan.FromSeconds(60) };

    public IReadOnlyList<AgentApiExchange> Exchanges => _exchanges.ToArray();

    public static async Task<AgentApiRecorder> StartAsync(Uri frontend)
    {
        var recorder = new AgentApiRecorder(frontend);
        await recorder.ListenAsync();
        return recorder;
    }

    protected override void Map(WebApplication app) => app.Map("/{**path}", ForwardAsync);

    private async Task ForwardAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString);
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, MediaTypeHeaderValue.Parse(context.Request.ContentType ?? "application/json"));
        }

        if (context.Request.Headers.TryGetValue("X-API-Key", out var key))
        {
            request.Headers.Add("X-API-Key", key.ToString());
        }

        using var answer = await _frontend.SendAsync(request, context.RequestAborted);
        var answered = await answer.Content.ReadAsStringAsync(context.RequestAborted);
        _exchanges.Enqueue(new AgentApiExchange(context.Request.Path.Value!, body, (int)answer.StatusCode, answered));
        context.Response.StatusCode = (int)answer.StatusCode;
        if (answer.Content.Headers.ContentType is { } type)
        {
            context.Response.ContentType = type.ToString();
        }

        await context.Response.WriteAsync(answered, context.RequestAborted);
    }
}

/// <summary>One request the agent sent through the <see cref="AgentApiRecorder"/>, and the frontend's answer.</summary>
public sealed record AgentApiExchange(string Path, string RequestBody, int Status, string AnswerBody)
{
    public bool IsClaim => Path.EndsWith("/agent/tasks/claim", StringComparison.Ordinal);

    public bool IsReport => Path.EndsWith("/agent/tasks/report", StringComparison.Ordinal);

    public JsonElement Request => JsonDocument.Parse(RequestBody).RootElement;

    public JsonElement Answer => JsonDocument.Parse(AnswerBody).RootElement;
}
