using System.Text.RegularExpressions;

namespace Planekeeper.Agent.Scraping;

/// <summary>How git reaches a repository: over http(s), over ssh, or otherwise (a local path, <c>file://</c>, <c>git://</c>).</summary>
internal enum GitTransport
{
    Http,
    Ssh,
    Other,
}

/// <summary>
/// A repository URL as git reads it: the transport, the host and port it connects to, and the user name before the
/// host (if any). <see cref="CheckedUrl"/> is the URL rebuilt from exactly these parts, which a server agent hands to git.
/// </summary>
internal sealed partial record GitRemote(string Url, GitTransport Transport, string Host, int Port, string UserInfo = "", string? CheckedUrl = null)
{
    public bool IsPlainHttp => Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    public static GitRemote Parse(string url)
    {
        if (url.Contains("://", StringComparison.Ordinal))
        {
            return FromUri(url);
        }
        // Like git: "[user@]host:path" without "://" is ssh when the ':' comes before any '/'.
        var scpLike = ScpLikePattern().Match(url);
        return scpLike.Success
            ? new GitRemote(url, GitTransport.Ssh, scpLike.Groups["host"].Value, 22, scpLike.Groups["user"].Value, url)
            : new GitRemote(url, GitTransport.Other, "", 0);
    }

    private static GitRemote FromUri(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return new GitRemote(url, GitTransport.Other, "", 0);
        }
        var host = uri.IdnHost.Trim('[', ']');
        return uri.Scheme switch
        {
            "https" or "http" => new GitRemote(url, GitTransport.Http, host, uri.Port, uri.UserInfo, uri.AbsoluteUri),
            "ssh" => new GitRemote(url, GitTransport.Ssh, host, uri.IsDefaultPort ? 22 : uri.Port, uri.UserInfo, uri.AbsoluteUri),
            _ => new GitRemote(url, GitTransport.Other, host, 0),
        };
    }

    [GeneratedRegex(@"^(?:(?<user>[^@/:]+)@)?(?<host>[^@/:\[\]]+):")]
    private static partial Regex ScpLikePattern();
}
