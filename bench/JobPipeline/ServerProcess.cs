using System.Collections.Concurrent;
using System.Diagnostics;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// A server the benchmarks start as a child process and call over HTTP on 127.0.0.1: the real WebFrontend
/// (<c>dotnet Planekeeper.WebFrontend.dll</c>, an Orleans client that finds the bench process's silo through the
/// membership table), or this program's <see cref="NullAgentApi"/>. Ready once <c>GET /ready</c> answers; disposing
/// kills it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _name;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, int port, string name)
    {
        _process = process;
        _name = name;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <param name="extra">Settings a benchmark adds (e.g. a higher RATE_LIMIT_MAX_REQUESTS for one busy user).</param>
    public static Task<ServerProcess> StartFrontendAsync(BenchDatabase database, IReadOnlyDictionary<string, string>? extra = null)
    {
        var port = BenchEnvironment.FreePort();
        var start = new ProcessStartInfo("dotnet", [BenchEnvironment.FrontendDll]) { WorkingDirectory = Path.GetDirectoryName(BenchEnvironment.FrontendDll)! };
        foreach (var (key, value) in database.Environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["PLANEKEEPER_HTTP_PORT"] = port.ToString();
        // The benchmarks call the public API only; without the internal role nothing takes port 8082.
        start.Environment["PLANEKEEPER_ROLES"] = "api,client-ui";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return StartAsync(start, port, "the frontend");
    }

    /// <param name="port">The port the server listens on, given to it in <paramref name="start"/>.</param>
    public static async Task<ServerProcess> StartAsync(ProcessStartInfo start, int port, string name)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var server = new ServerProcess(new Process { StartInfo = start }, port, name);
        server._process.OutputDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        server._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        server._process.Start();
        // Not left behind when the benchmark is stopped (Ctrl-C, SIGTERM) before it disposes the server.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited ({_process.ExitCode}):\n{string.Join('\n', _output)}");
            }

            try
            {
                using var response = await probe.GetAsync("ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy to answer within the probe's timeout on a loaded machine.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{_name} was not ready within {StartTimeout.TotalSeconds:0} s:\n{string.Join('\n', _output)}");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone or disposed.
        }
    }
}
