using System.ComponentModel;
using System.Diagnostics;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Scraping;

/// <summary>Runs the git program; cancelling kills it with every process it started (ssh, git-remote-https).</summary>
internal static class GitProcess
{
    public static async Task<GitOutput> RunAsync(GitInvocation invocation, CancellationToken cancellationToken)
    {
        using var process = Start(invocation);
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            // Its checkout folder is deleted next; nothing may still be writing into it.
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        return new GitOutput(process.ExitCode, await standardOutput, await standardError);
    }

    private static Process Start(GitInvocation invocation)
    {
        var start = new ProcessStartInfo("git", invocation.Arguments)
        {
            WorkingDirectory = invocation.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in invocation.Environment)
        {
            start.Environment[name] = value;
        }
        try
        {
            return Process.Start(start)!;
        }
        catch (Win32Exception exception)
        {
            throw new TaskFailedException($"the git program could not be started on this agent ({exception.Message}); is git installed?", retryable: true, inner: exception);
        }
    }
}
