using System.Text.RegularExpressions;
using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// Turns git's error output (in the C locale) into a failure a user understands: a missing ref or an unreadable
/// repository will not fix itself (not retryable); anything else, mostly the network, may (retryable).
/// </summary>
internal static partial class GitFailure
{
    private const int MaxDetailLength = 600;

    private static readonly string[] RefNotFound =
        ["not found in upstream", "couldn't find remote ref", "not our ref", "unadvertised object"];

    private static readonly string[] RepositoryUnavailable =
    [
        "does not appear to be a git repository", "repository not found", "' not found", "authentication failed",
        "could not read username", "could not read password", "permission denied", "host key verification failed",
        "returned error: 401", "returned error: 403", "returned error: 404",
    ];

    private static readonly string[] MessagePrefixes = ["fatal:", "error:", "remote:", "ssh:"];

    public static TaskFailedException Describe(GitOutput output, string repositoryUrl, string gitRef, AgentCredential? credential)
    {
        var detail = Detail(output.StandardError, credential);
        if (Mentions(output.StandardError, RefNotFound))
        {
            return new TaskFailedException($"ref '{gitRef}' was not found in {repositoryUrl}{ShortShaHint(gitRef)} (git: {detail})", retryable: false);
        }
        if (Mentions(output.StandardError, RepositoryUnavailable))
        {
            return new TaskFailedException($"repository {repositoryUrl} was not found or access was denied {With(credential)} (git: {detail})", retryable: false);
        }
        return new TaskFailedException($"git could not read {repositoryUrl} at ref '{gitRef}' (git: {detail})", retryable: true);
    }

    private static bool Mentions(string text, string[] phrases) =>
        phrases.Any(phrase => text.Contains(phrase, StringComparison.OrdinalIgnoreCase));

    private static string With(AgentCredential? credential) =>
        credential is null ? "without a credential" : $"with credential '{credential.Name}'";

    private static string ShortShaHint(string gitRef) =>
        ShortShaPattern().IsMatch(gitRef) ? "; a commit must be given by its full 40-character sha" : "";

    /// <summary>git's own error lines, shortened, with the credential's secret masked should git ever print it.</summary>
    private static string Detail(string standardError, AgentCredential? credential)
    {
        var lines = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var messages = lines.Where(line => MessagePrefixes.Any(prefix => line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).ToArray();
        var detail = string.Join("; ", messages.Length > 0 ? messages : lines);
        if (!string.IsNullOrEmpty(credential?.Secret))
        {
            detail = detail.Replace(credential.Secret, "***", StringComparison.Ordinal);
        }
        detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] + "…" : detail;
        return detail.Length > 0 ? detail : "no message";
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,39}$")]
    private static partial Regex ShortShaPattern();
}
