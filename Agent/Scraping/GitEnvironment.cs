using System.Net;
using System.Net.Sockets;
using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// How git runs for one checkout: isolated from the user's and the system's git configuration, never prompting,
/// given the credential through files in the checkout folder and variables of its own process (a token or key is
/// never an argument, so it is not in the process list), and — for a server agent — pinned to the checked addresses.
/// </summary>
internal sealed class GitEnvironment
{
    public const string UsernameVariable = "PLANEKEEPER_GIT_USERNAME";
    public const string TokenVariable = "PLANEKEEPER_GIT_TOKEN";

    /// <summary>GitHub's convention for a token without a user name; GitLab and Gitea accept any name with a token.</summary>
    public const string DefaultTokenUsername = "x-access-token";

    // git calls GIT_ASKPASS with the prompt ("Username for 'https://host': ", then "Password for …") as its argument.
    private const string AskPassScript = $"""
        #!/bin/sh
        case "$1" in
          Username*) printf '%s\n' "${UsernameVariable}" ;;
          *) printf '%s\n' "${TokenVariable}" ;;
        esac

        """;

    private readonly Dictionary<string, string> variables;
    private readonly List<string> settings = [];

    private GitEnvironment(CheckoutFolder folder)
    {
        variables = new Dictionary<string, string>
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["HOME"] = folder.Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(folder.Home, ".config"),
            // git's messages are matched to tell "not found" from "network" failures.
            ["LC_ALL"] = "C",
        };
        settings.AddRange(["-c", "advice.detachedHead=false"]);
    }

    /// <param name="pinnedAddresses">The addresses a server agent checked; null when any address may be reached.</param>
    public static GitEnvironment Create(CheckoutFolder folder, GitRemote remote, AgentCredential? credential, IReadOnlyList<IPAddress>? pinnedAddresses)
    {
        var environment = new GitEnvironment(folder);
        if (credential is not null)
        {
            environment.UseCredential(folder, remote, credential);
        }
        if (remote.Transport == GitTransport.Ssh)
        {
            environment.variables["GIT_SSH_COMMAND"] = SshCommand(folder, credential, pinnedAddresses);
        }
        if (pinnedAddresses is not null)
        {
            environment.Pin(remote, pinnedAddresses);
        }
        return environment;
    }

    public GitInvocation Command(string workingDirectory, params IEnumerable<string> arguments) =>
        new([.. settings, .. arguments], variables, workingDirectory);

    private void UseCredential(CheckoutFolder folder, GitRemote remote, AgentCredential credential)
    {
        switch (credential.Type)
        {
            case AgentCredential.HttpsPat when remote.Transport != GitTransport.Ssh:
                variables["GIT_ASKPASS"] = folder.WritePrivateFile("askpass.sh", AskPassScript, executable: true);
                variables[UsernameVariable] = string.IsNullOrEmpty(credential.Username) ? DefaultTokenUsername : credential.Username;
                variables[TokenVariable] = credential.Secret ?? "";
                break;
            case AgentCredential.SshKey when remote.Transport == GitTransport.Ssh:
                break;
            default:
                throw new TaskFailedException(
                    $"credential '{credential.Name}' is of type {credential.Type}, which cannot be used for repository_url '{remote.Url}' (use ssh_key for ssh and https_pat for https)",
                    retryable: false);
        }
    }

    private static string SshCommand(CheckoutFolder folder, AgentCredential? credential, IReadOnlyList<IPAddress>? pinnedAddresses)
    {
        var knownHosts = Path.Combine(folder.Path, "known_hosts");
        var command = $"ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile={ShellQuote(knownHosts)}";
        if (credential?.Type == AgentCredential.SshKey)
        {
            var key = folder.WritePrivateFile("ssh_key", KeyFileText(credential.PrivateKey ?? ""));
            command += $" -i {ShellQuote(key)} -o IdentitiesOnly=yes";
        }
        if (pinnedAddresses is not null)
        {
            command += $" -o HostName={pinnedAddresses[0]}";
        }
        return command;
    }

    /// <summary>
    /// Only the checked transport is allowed; libcurl connects to the checked addresses instead of resolving the host
    /// again (DNS rebinding), and a redirect is not followed, as it could lead to a host nobody checked. A literal IP
    /// address needs no pin. (ssh is pinned with HostName in <see cref="SshCommand"/>.)
    /// </summary>
    private void Pin(GitRemote remote, IReadOnlyList<IPAddress> addresses)
    {
        variables["GIT_ALLOW_PROTOCOL"] = remote.Transport == GitTransport.Ssh ? "ssh" : "https";
        if (remote.Transport != GitTransport.Http)
        {
            return;
        }
        settings.AddRange(["-c", "http.followRedirects=false"]);
        if (!IPAddress.TryParse(remote.Host, out _))
        {
            settings.AddRange(["-c", $"http.curloptResolve={remote.Host}:{remote.Port}:{string.Join(',', addresses.Select(CurlAddress))}"]);
        }
    }

    private static string CurlAddress(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    /// <summary>OpenSSH refuses a key file without a final newline or with Windows line ends.</summary>
    private static string KeyFileText(string privateKey) => privateKey.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
