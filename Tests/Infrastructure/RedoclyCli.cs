using System.Diagnostics;
using System.Text.Json;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// Redocly CLI as installed by <c>deploy/dev/redocly.sh install</c> (which <c>deploy/dev/test.sh</c> runs and names in
/// <c>REDOCLY_CLI</c>), called directly, with the repository's <c>redocly.yaml</c> (docs/api.md, "Linting the description").
/// </summary>
public static class RedoclyCli
{
    public static string ConfigFile => Path.Combine(TestEnvironment.RepositoryRoot, "redocly.yaml");

    /// <summary>The installed command; a missing one fails the test with how to install it, in CI and outside.</summary>
    public static string Command
    {
        get
        {
            var command = Environment.GetEnvironmentVariable("REDOCLY_CLI") is { Length: > 0 } named
                ? named
                : Path.Combine(TestEnvironment.RepositoryRoot, ".tools", "redocly", "redocly");
            return File.Exists(command)
                ? command
                : throw new Xunit.Sdk.XunitException(
                    $"Redocly CLI is not installed at {command}: run deploy/dev/redocly.sh install (deploy/dev/test.sh does), or set REDOCLY_CLI to its path.");
        }
    }

    /// <summary>Runs <c>redocly lint --format=json</c> on one document file and returns its report.</summary>
    public static async Task<RedoclyLintReport> LintAsync(string documentFile)
    {
        var start = new ProcessStartInfo(Command, ["lint", "--format=json", "--config", ConfigFile, documentFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        try
        {
            return RedoclyLintReport.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new Xunit.Sdk.XunitException($"redocly lint exited {process.ExitCode} without a JSON report ({exception.Message}):\n{text}\n{await errors}");
        }
    }
}
