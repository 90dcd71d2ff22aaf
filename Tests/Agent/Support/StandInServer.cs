using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel on a free port) standing in for an upstream. Records every request it
/// answers, with the status it answered, before the answer leaves (so a test that got the answer sees the record).
/// </summary>
public abstract class StandInServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication? _app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary><c>127.0.0.1:port</c>, as artifact names start.</summary>
    public string Authority => Url.Authority;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    protected async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(Record);
        Map(_app);
        await _app.StartAsync();
        Url = new Uri(_app.Urls.Single().TrimEnd('/') + "/");
    }

    protected abstract void Map(WebApplication app);

    private Task Record(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            _requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Response.StatusCode,
                context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>One request a stand-in answered.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, int Status, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
