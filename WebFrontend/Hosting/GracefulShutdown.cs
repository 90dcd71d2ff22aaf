using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Hosting;

/// <summary>
/// On SIGTERM the frontend stops accepting connections, ends its held long-polls with 503 (<see cref="LongPollDrain"/>),
/// lets the requests in flight finish and exits within <see cref="Timeout"/> and the cluster client's close, well under
/// 10 s (docs/deploy.md, "Graceful shutdown").
/// </summary>
public static class GracefulShutdown
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(8);

    public static void AddGracefulShutdown(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = Timeout);
        builder.Services.AddSingleton<LongPollDrain>();
    }
}
