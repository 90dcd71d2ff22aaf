using System.Diagnostics;
using System.Text.Json;

namespace Planekeeper.Bench.Agents;

/// <summary>
/// The idle agents' process as the benchmark sees it: this program started again as <see cref="IdleFleet"/>, with
/// workstation garbage collection (a client, not a server). It inherits this process's open-file limit
/// (<see cref="FileLimit"/>). Disposing stops it.
/// </summary>
public sealed class IdleFleetProcess : IAsyncDisposable
{
    private static readonly TimeSpan RegistrationTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly string _keysFile;

    private IdleFleetProcess(Process process, string keysFile)
    {
        _process = process;
        _keysFile = keysFile;
    }

    public int ProcessId => _process.Id;

    /// <summary>Starts the agents and returns once every one of them has registered (its first heartbeat answered).</summary>
    public static async Task<IdleFleetProcess> StartAsync(Uri frontend, IEnumerable<(string ApiKey, string Name)> agents)
    {
        var keysFile = Path.GetTempFileName();
        await File.WriteAllLinesAsync(keysFile, agents.Select(agent => $"{agent.ApiKey}\t{agent.Name}"));
        var start = new ProcessStartInfo("dotnet", [typeof(IdleFleet).Assembly.Location, IdleFleet.Command, frontend.ToString(), keysFile])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            Environment = { ["DOTNET_gcServer"] = "0" },
        };
        var fleet = new IdleFleetProcess(Process.Start(start)!, keysFile);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => fleet.Kill();
        using var timeout = new CancellationTokenSource(RegistrationTimeout);
        var line = await fleet._process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != IdleFleet.RegisteredLine)
        {
            throw new InvalidOperationException($"the idle agents did not register (exit code {(fleet._process.HasExited ? fleet._process.ExitCode : null)}): {line}");
        }

        return fleet;
    }

    public async Task<FleetReading> ReadAsync()
    {
        await _process.StandardInput.WriteLineAsync(IdleFleet.ReadCommand);
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the idle agents' process ended");
        return JsonSerializer.Deserialize<FleetReading>(line)!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("stop");
            await _process.StandardInput.FlushAsync();
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // Gone already, or slow to stop: killed below.
        }

        Kill();
        _process.Dispose();
        File.Delete(_keysFile);
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
