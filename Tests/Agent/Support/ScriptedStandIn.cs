using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>An upstream that answers <c>GET /</c> with a scripted sequence of answers (then 200 "ok"), for retry behaviour.</summary>
public sealed class ScriptedStandIn : StandInServer
{
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();

    public static async Task<ScriptedStandIn> StartAsync(params ScriptedAnswer[] script)
    {
        var standIn = new ScriptedStandIn();
        foreach (var answer in script)
        {
            standIn._script.Enqueue(answer);
        }

        await standIn.ListenAsync();
        return standIn;
    }

    protected override void Map(WebApplication app) => app.MapGet("/", (Delegate)Answer);

    private async Task<IResult> Answer(HttpContext context)
    {
        if (!_script.TryDequeue(out var answer))
        {
            return Results.Text("ok");
        }

        await Task.Delay(answer.Delay ?? TimeSpan.Zero, context.RequestAborted);
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        return Results.Text($"scripted {answer.Status}", statusCode: answer.Status);
    }
}

/// <summary>One scripted answer: a status, headers, and how long to wait before answering.</summary>
public sealed record ScriptedAnswer(int Status, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null);
