using System.Text.RegularExpressions;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// The form of a repository URL a server agent accepts: no backslash, space or control character anywhere, no user
/// information in an https URL (credentials come from the agent's credentials), and for ssh only a plain user name
/// (<c>git@</c>). Parsers disagree on such characters — <c>https://public.example\@127.0.0.1/</c> is one host to one
/// parser and another to libcurl — so the host that was checked might not be the host git connects to.
/// </summary>
internal static partial class RemoteUrlForm
{
    public static void Check(GitRemote remote)
    {
        if (remote.Url.Any(c => c == '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw Refused(remote, "contains a backslash, a space or a control character");
        }
        if (remote.Transport == GitTransport.Http && remote.UserInfo.Length > 0)
        {
            throw Refused(remote, "has user information before the host; give an https_pat credential instead");
        }
        if (remote.Transport == GitTransport.Ssh && remote.UserInfo.Length > 0 && !PlainUserName().IsMatch(remote.UserInfo))
        {
            throw Refused(remote, "has a user name that is not a plain name before the host");
        }
    }

    private static TaskFailedException Refused(GitRemote remote, string why) =>
        new($"repository_url '{remote.Url}' {why}; a server agent does not read it", retryable: false);

    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z")]
    private static partial Regex PlainUserName();
}
