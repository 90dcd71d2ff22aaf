using System.Collections.Concurrent;
using System.Diagnostics;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>
/// The real WebFrontend (<c>dotnet Planekeeper.WebFrontend.dll</c>) as a child process on the bench database: an
/// Orleans client that finds the bench process's silo through the membership table. Disposing kills it.
/// </summary>
public sealed class WebFrontendProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WebFrontendProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <param name="extra">Settings a benchmark adds (e.g. a higher RATE_LIMIT_MAX_REQUESTS for one busy user).</param>
    public static async Task<WebFrontendProcess> StartAsync(BenchDatabase database, IReadOnlyDictionary<string, string>? extra = null)
    {
        var port = BenchEnvironment.FreePort();
        var start = new ProcessStartInfo("dotnet", [BenchEnvironment.FrontendDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(BenchEnvironment.FrontendDll)!,
        };
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

        var frontend = new WebFrontendProcess(new Process { StartInfo = start }, port);
        frontend._process.OutputDataReceived += (_, e) => { if (e.Data is not null) frontend._output.Enqueue(e.Data); };
        frontend._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) frontend._output.Enqueue(e.Data); };
        frontend._process.Start();
        // Not left behind when the benchmark is stopped (Ctrl-C, SIGTERM) before it disposes the frontend.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => frontend.Kill();
        frontend._process.BeginOutputReadLine();
        frontend._process.BeginErrorReadLine();
        await frontend.WaitUntilReadyAsync();
        return frontend;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the frontend exited ({_process.ExitCode}):\n{string.Join('\n', _output)}");
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

        throw new TimeoutException($"the frontend was not ready within {StartTimeout.TotalSeconds:0} s:\n{string.Join('\n', _output)}");
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
