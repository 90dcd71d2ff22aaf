using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Planekeeper.Bench.NotificationLatency;

/// <summary>A webhook receiver on 127.0.0.1 that notes when each alert's <c>alert.created</c> arrived (Stopwatch ticks).</summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _arrivals = new();
    private WebApplication _app = null!;

    public Uri Url { get; private set; } = null!;

    public bool TryArrival(string configName, out long ticks) => _arrivals.TryGetValue(configName, out ticks);

    public static async Task<Receiver> StartAsync()
    {
        var receiver = new Receiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        receiver._app = builder.Build();
        receiver._app.MapPost("/hook", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        receiver.Url = new Uri(receiver._app.Urls.Single().TrimEnd('/') + "/hook");
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (body.RootElement.GetProperty("event").GetString() == "alert.created")
        {
            _arrivals.TryAdd(body.RootElement.GetProperty("alert").GetProperty("config_name").GetString()!, arrived);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
