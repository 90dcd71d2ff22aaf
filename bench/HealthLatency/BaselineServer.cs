namespace Planekeeper.Bench.HealthLatency;

/// <summary>The cheapest possible /health: Kestrel, one route, a constant JSON body.</summary>
public sealed class BaselineServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BaselineServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BaselineServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var body = new { status = "ok" };
        app.MapGet("/health", () => Results.Json(body));
        await app.StartAsync();
        return new BaselineServer(app, new Uri(app.Urls.First() + "/"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
