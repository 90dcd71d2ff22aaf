using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>
/// GitHub's releases listing that holds every request until <see cref="Open"/> is called, then answers an empty
/// list: how many gathers an agent runs at once shows as the requests held together.
/// </summary>
public sealed class HeldReleasesStandIn : StandInServer
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;
    private int _mostHeld;

    /// <summary>The requests waiting for <see cref="Open"/> now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>The most requests that were in progress at once.</summary>
    public int MostHeld => Volatile.Read(ref _mostHeld);

    public static async Task<HeldReleasesStandIn> StartAsync()
    {
        var standIn = new HeldReleasesStandIn();
        await standIn.ListenAsync();
        return standIn;
    }

    public void Open() => _open.TrySetResult();

    protected override void Map(WebApplication app) => app.MapGet("/repos/{owner}/{repo}/releases", (Delegate)ReleasesAsync);

    private async Task<IResult> ReleasesAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _held);
        for (var most = MostHeld; now > most && Interlocked.CompareExchange(ref _mostHeld, now, most) != most; most = MostHeld)
        {
        }

        try
        {
            await _open.Task.WaitAsync(context.RequestAborted);
            return Results.Json(Array.Empty<object>());
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }
}
