using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Planekeeper.Tests.Integration.Notifications.Support;

/// <summary>One request a receiver got: every header and the raw body.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith, DateTime At);

/// <summary>
/// A real webhook receiver on 127.0.0.1 (Kestrel): records each request with its body, and answers with the statuses
/// queued by <see cref="AnswerNext"/> (then 200, or what <see cref="DefaultStatus"/> says). It can stop and start
/// again on the same port, as a receiver that is down for a while.
/// </summary>
public sealed class ReceiverStandIn : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _answers = new();
    private WebApplication? _app;

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public int DefaultStatus { get; set; } = 200;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    public static async Task<ReceiverStandIn> StartAsync()
    {
        var receiver = new ReceiverStandIn();
        await receiver.ListenAsync(0);
        return receiver;
    }

    public void AnswerNext(int status, string? retryAfter = null) => _answers.Enqueue((status, retryAfter));

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public Task RestartAsync() => ListenAsync(Port);

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.Run(AnswerAsync);
        await _app.StartAsync();
        Port = new Uri(_app.Urls.Single()).Port;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var (status, retryAfter) = _answers.TryDequeue(out var answer) ? answer : (DefaultStatus, null);
        _requests.Enqueue(new ReceivedRequest(
            context.Request.Method, context.Request.Path.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, status, DateTime.UtcNow));
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.WriteAsync(status < 300 ? "{\"ok\":true}" : "{\"error\":\"refused\"}");
    }
}
