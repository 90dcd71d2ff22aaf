using System.Diagnostics;

namespace Planekeeper.Tests.Agent.Scraping;

/// <summary>Runs the git program for a test, with a fixed author and without the user's or system's git configuration.</summary>
public static class GitCommandLine
{
    public static string Run(string workingDirectory, string home, params string[] arguments)
    {
        var start = new ProcessStartInfo("git", ["-c", "init.defaultBranch=main", .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = home;
        start.Environment["XDG_CONFIG_HOME"] = home;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Ada Operator";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "ada@example.com";
        using var process = Process.Start(start)!;
        var standardError = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {standardError.Result}");
    }
}
