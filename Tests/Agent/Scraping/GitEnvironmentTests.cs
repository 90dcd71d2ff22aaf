using System.Diagnostics;
using System.Net;
using System.Runtime.Versioning;
using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Scraping;
using Planekeeper.Agent.Work;

namespace Planekeeper.Tests.Agent.Scraping;

/// <summary>What git is given for a checkout: secrets only through files and its own environment, never as arguments.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class GitEnvironmentTests : IDisposable
{
    private const string Token = "ghp_0123456789abcdefSECRET";
    private const string PrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ==\r\n-----END OPENSSH PRIVATE KEY-----";
    private const string Sha = "9f2c3b1e5d7a4c6b8e0f1a2b3c4d5e6f7a8b9c0d";

    private readonly TemporaryFolder temporaryRoot = new();

    public void Dispose() => temporaryRoot.Dispose();

    [Theory]
    [InlineData("main")]
    [InlineData(Sha)]
    public void A_token_reaches_git_only_through_its_environment_and_the_askpass_script(string gitRef)
    {
        using var folder = CheckoutFolder.Create(temporaryRoot.Path);
        var credential = new AgentCredential("infra-repo", AgentCredential.HttpsPat, null, Token, null);

        var steps = Steps(folder, "https://git.example.com/acme/infra.git", gitRef, credential);

        Assert.All(steps, step => Assert.DoesNotContain(step.Arguments, argument => argument.Contains(Token)));
        var environment = steps[0].Environment;
        Assert.Equal([GitEnvironment.TokenVariable], environment.Where(variable => variable.Value.Contains(Token)).Select(variable => variable.Key));
        Assert.Equal(GitEnvironment.DefaultTokenUsername, environment[GitEnvironment.UsernameVariable]);
        Assert.Equal("0", environment["GIT_TERMINAL_PROMPT"]);
        Assert.Equal("1", environment["GIT_CONFIG_NOSYSTEM"]);
        Assert.Equal(folder.Home, environment["HOME"]);
        var askPass = environment["GIT_ASKPASS"];
        Assert.StartsWith(folder.Path, askPass);
        Assert.DoesNotContain(Token, File.ReadAllText(askPass));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(askPass));
    }

    [Fact]
    public void The_askpass_script_answers_git_with_the_user_name_and_the_token()
    {
        using var folder = CheckoutFolder.Create(temporaryRoot.Path);
        var credential = new AgentCredential("infra-repo", AgentCredential.HttpsPat, "ci-bot", Token, null);
        var environment = Steps(folder, "https://git.example.com/acme/infra.git", "main", credential)[0].Environment;

        Assert.Equal("ci-bot", AskPass(environment, "Username for 'https://git.example.com': "));
        Assert.Equal(Token, AskPass(environment, "Password for 'https://ci-bot@git.example.com': "));
    }

    [Fact]
    public void An_ssh_key_is_a_private_file_named_in_the_ssh_command()
    {
        using var folder = CheckoutFolder.Create(temporaryRoot.Path);
        var credential = new AgentCredential("infra-repo", AgentCredential.SshKey, null, null, PrivateKey);

        var steps = Steps(folder, "git@git.example.com:acme/infra.git", "main", credential);

        var keyFile = Path.Combine(folder.Path, "ssh_key");
        Assert.Equal(PrivateKey.ReplaceLineEndings("\n") + "\n", File.ReadAllText(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(
            $"ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile='{folder.Path}/known_hosts' -i '{keyFile}' -o IdentitiesOnly=yes",
            steps[0].Environment["GIT_SSH_COMMAND"]);
        Assert.DoesNotContain(steps[0].Arguments, argument => argument.Contains("PRIVATE KEY") || argument.Contains("b3BlbnNzaC1rZXktdjEA"));
        Assert.DoesNotContain(steps[0].Environment.Values, value => value.Contains("b3BlbnNzaC1rZXktdjEA"));
    }

    [Fact]
    public void A_server_agent_pins_https_to_the_checked_addresses_and_follows_no_redirect()
    {
        using var folder = CheckoutFolder.Create(temporaryRoot.Path);

        var clone = Steps(folder, "https://git.example.com/acme/infra.git", "main", null, [IPAddress.Parse("140.82.112.3"), IPAddress.Parse("2606:50c0:8000::153")])[0];

        Assert.Equal(
            ["-c", "advice.detachedHead=false", "-c", "http.followRedirects=false", "-c", "http.curloptResolve=git.example.com:443:140.82.112.3,[2606:50c0:8000::153]",
             "clone", "--quiet", "--depth=1", "--no-tags", "--branch=main", "--", "https://git.example.com/acme/infra.git", folder.Repository],
            clone.Arguments);
        Assert.Equal("https", clone.Environment["GIT_ALLOW_PROTOCOL"]);
    }

    [Fact]
    public void A_server_agent_pins_ssh_to_the_checked_address()
    {
        using var folder = CheckoutFolder.Create(temporaryRoot.Path);

        var clone = Steps(folder, "ssh://git@git.example.com:2222/acme/infra.git", "main", null, [IPAddress.Parse("140.82.112.3")])[0];

        Assert.EndsWith("-o HostName=140.82.112.3", clone.Environment["GIT_SSH_COMMAND"]);
        Assert.Equal("ssh", clone.Environment["GIT_ALLOW_PROTOCOL"]);
    }

    [Theory]
    [InlineData(AgentCredential.SshKey, "https://git.example.com/acme/infra.git")]
    [InlineData(AgentCredential.HttpsPat, "git@git.example.com:acme/infra.git")]
    [InlineData(AgentCredential.RegistryBasic, "https://git.example.com/acme/infra.git")]
    public void A_credential_of_the_wrong_type_is_a_final_failure(string type, string url)
    {
        using var folder = CheckoutFolder.Create(temporaryRoot.Path);

        var failure = Assert.Throws<TaskFailedException>(() => Steps(folder, url, "main", new AgentCredential("infra-repo", type, "ci", Token, PrivateKey)));

        Assert.False(failure.Retryable);
        Assert.StartsWith($"credential 'infra-repo' is of type {type}, which cannot be used for repository_url '{url}'", failure.Message);
        Assert.DoesNotContain(Token, failure.Message);
    }

    [Fact]
    public async Task A_refused_connection_with_a_token_is_retryable_and_never_shows_the_token()
    {
        var checkout = new GitCheckout(allowPrivateAddresses: true, temporaryRoot.Path);
        var credential = new AgentCredential("infra-repo", AgentCredential.HttpsPat, null, Token, null);

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => checkout.CheckOutAsync("https://127.0.0.1:1/acme/infra.git", "main", credential, CancellationToken.None));

        Assert.True(failure.Retryable);
        Assert.StartsWith("git could not read https://127.0.0.1:1/acme/infra.git at ref 'main' (git: fatal: unable to access", failure.Message);
        Assert.DoesNotContain(Token, failure.Message);
        Assert.Equal(0, temporaryRoot.EntryCount);
    }

    private static IReadOnlyList<GitInvocation> Steps(CheckoutFolder folder, string url, string gitRef, AgentCredential? credential, IReadOnlyList<IPAddress>? pinned = null)
    {
        var remote = GitRemote.Parse(url);
        return GitCheckout.Steps(GitEnvironment.Create(folder, remote, credential, pinned), folder, remote, gitRef);
    }

    private static string AskPass(IReadOnlyDictionary<string, string> environment, string prompt)
    {
        var start = new ProcessStartInfo(environment["GIT_ASKPASS"], [prompt]) { RedirectStandardOutput = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var answer = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return answer.TrimEnd('\n');
    }
}
