using System.Text.Json;

namespace Planekeeper.Bench.Agents;

/// <summary>
/// The child process that plays the idle agents (<c>idle-agents &lt;frontend&gt; &lt;keys file&gt;</c>): registers every
/// agent of the file (one line each: API key, tab, agent name), then keeps them beating and long-polling over
/// keep-alive connections of one pool. It speaks with the benchmark over its standard streams: it prints
/// <c>registered</c> once every agent has its id, answers <c>read</c> with a <see cref="FleetReading"/> as JSON, and
/// stops at <c>stop</c> or when its input closes.
/// </summary>
public static class IdleFleet
{
    public const string Command = "idle-agents";
    public const string RegisteredLine = "registered";
    public const string ReadCommand = "read";

    private const int RegistrationsAtOnce = 32;

    public static async Task<int> RunAsync(Uri frontend, string keysFile)
    {
        using var http = Client(frontend);
        var counters = new FleetCounters();
        var agents = File.ReadLines(keysFile).Select(line => line.Split('\t')).Select(fields => new IdleAgent(http, fields[0], fields[1], counters)).ToList();
        await Parallel.ForEachAsync(agents, new ParallelOptions { MaxDegreeOfParallelism = RegistrationsAtOnce }, async (agent, _) => await agent.RegisterAsync());
        Console.WriteLine(RegisteredLine);

        using var stop = new CancellationTokenSource();
        var running = Task.WhenAll(agents.Select(agent => agent.RunAsync(stop.Token)));
        while (await Console.In.ReadLineAsync() is { } command && command != "stop")
        {
            if (command == ReadCommand)
            {
                Console.WriteLine(JsonSerializer.Serialize(counters.Read()));
            }
        }

        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // The loops end by their cancellation.
        }

        return 0;
    }

    /// <summary>
    /// One pool for all agents, as many connections as requests in flight: each held long-poll keeps one, a heartbeat
    /// takes one that is free (the way a reverse proxy's pool of upstream connections carries a fleet's requests).
    /// </summary>
    private static HttpClient Client(Uri frontend) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
    })
    {
        BaseAddress = frontend,
        Timeout = TimeSpan.FromSeconds(IdleAgent.WaitSeconds + 30),
    };
}
