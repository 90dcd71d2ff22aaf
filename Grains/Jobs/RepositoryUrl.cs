using System.Text.RegularExpressions;

namespace Planekeeper.Grains.Jobs;

/// <summary>Git repository addresses a scrape job may name: https, or ssh (URL or scp-like).</summary>
public static partial class RepositoryUrl
{
    public static bool IsValid(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) && uri.AbsolutePath.Length > 1
            ? uri.Scheme is "https" or "ssh"
            : ScpLike().IsMatch(url);

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s:]+$")]
    private static partial Regex ScpLike();
}
