using System.Diagnostics;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL client programs (<c>pg_dump</c>, <c>pg_restore</c>) of the installed server, found the way
/// <c>deploy/dev/postgres.sh</c> finds <c>initdb</c>: <c>pg_config --bindir</c>, else the newest /usr/lib/postgresql/*/bin.
/// </summary>
public static class PostgresTools
{
    private static readonly Lazy<string> BinDirectory = new(FindBinDirectory);

    /// <summary>Runs one of the programs as the server's superuser; fails the test with its output when it fails.</summary>
    public static async Task RunAsync(PostgresServer server, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(BinDirectory.Value, program), ["-h", "127.0.0.1", "-p", server.Port.ToString(), "-U", server.User, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = server.Password },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var major) ? major : 0)
                .Select(dir => Path.Combine(dir, "bin"))
            : [];
        return PgConfigBinDirectory().Concat(candidates).Concat(["/usr/local/pgsql/bin"])
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "pg_dump")) && File.Exists(Path.Combine(dir, "pg_restore")))
            ?? throw new InvalidOperationException("pg_dump and pg_restore were not found (run deploy/dev/postgres.sh install)");
    }

    private static IEnumerable<string> PgConfigBinDirectory()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", ["--bindir"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? [output] : [];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [];
        }
    }
}
