using System.Diagnostics;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Deployment.Kubernetes;

/// <summary>The <c>kubectl</c> program, which renders the Kustomize overlays offline (no cluster needed).</summary>
public static class Kubectl
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The program on PATH, or null: Debian does not package it, so a fresh machine may lack it.</summary>
    public static string? Path { get; } = FindOnPath("kubectl");

    public static string OverlayDirectory(string overlay) =>
        System.IO.Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "kubernetes", "overlays", overlay);

    /// <summary><c>kubectl kustomize deploy/kubernetes/overlays/&lt;overlay&gt;</c>: the rendered multi-document YAML.</summary>
    public static string Kustomize(string overlay)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("kubectl is not installed"), ["kustomize", OverlayDirectory(overlay)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RenderTimeout))
        {
            process.Kill();
            throw new TimeoutException($"kubectl kustomize {overlay} did not finish within {RenderTimeout.TotalSeconds} s");
        }

        Assert.True(process.ExitCode == 0, $"kubectl kustomize {overlay} failed ({process.ExitCode}):\n{errors.Result}");
        return output.Result;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
