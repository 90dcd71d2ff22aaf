using System.Text.RegularExpressions;

namespace Planekeeper.Grains.Jobs.Scrape;

/// <summary>
/// Checks a git remote: https://host/path, ssh://[user@]host[:port]/path, scp-like user@host:path, or file:///path
/// (a repository on the agent's own machine: client agents, and server agents allowed private URLs).
/// </summary>
public static partial class GitRepositoryUrl
{
    public static bool IsValid(string url, out string? error)
    {
        error = Check(url);
        return error is null;
    }

    private static string? Check(string url)
    {
        if (url.Any(char.IsWhiteSpace))
        {
            return "repository_url must not contain whitespace";
        }
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return "repository_url must not use plain http; use https or ssh";
        }
        if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return CheckUri(url, Uri.UriSchemeHttps);
        }
        if (url.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase))
        {
            return CheckUri(url, "ssh");
        }
        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var file) && file.IsFile && file.Host.Length == 0 && file.AbsolutePath.Trim('/').Length > 0
                ? null
                : "repository_url must be file:///absolute/path for a repository on the agent's machine";
        }
        return ScpLikePattern().IsMatch(url)
            ? null
            : "repository_url must be https://host/path, ssh://[user@]host[:port]/path, user@host:path or file:///path";
    }

    private static string? CheckUri(string url, string scheme)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != scheme || uri.Host.Length == 0 || uri.AbsolutePath.Trim('/').Length == 0)
        {
            return $"repository_url must be a {scheme}:// URL with a host and a repository path";
        }
        // A token in the URL would be stored with the job in plain text; credentials belong in credential_name.
        if (scheme == Uri.UriSchemeHttps && uri.UserInfo.Length > 0)
        {
            return "repository_url must not contain credentials; use credential_name";
        }
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+@[A-Za-z0-9]([A-Za-z0-9.\-]*[A-Za-z0-9])?:[^\s:][^\s]*\z")]
    private static partial Regex ScpLikePattern();
}
