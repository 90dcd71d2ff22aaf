using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Scraping;

namespace Planekeeper.Tests.Agent.Scraping;

/// <summary>git's error output (as git 2.39 prints it over https and ssh) turned into failures a user understands.</summary>
public sealed class GitFailureTests
{
    private const string Url = "https://github.com/acme/infra.git";

    [Theory]
    [InlineData("remote: Repository not found.\nfatal: repository 'https://github.com/acme/infra.git/' not found\n")]
    [InlineData("fatal: could not read Username for 'https://github.com': terminal prompts disabled\n")]
    [InlineData("remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/infra.git/'\n")]
    [InlineData("fatal: unable to access 'https://github.com/acme/infra.git/': The requested URL returned error: 403\n")]
    [InlineData("git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n")]
    public void An_unreadable_repository_is_final(string standardError)
    {
        var failure = GitFailure.Describe(new GitOutput(128, "", standardError), Url, "main", Credential("ghp_x"));

        Assert.False(failure.Retryable);
        Assert.StartsWith($"repository {Url} was not found or access was denied with credential 'infra-repo' (git: ", failure.Message);
    }

    [Theory]
    [InlineData("fatal: unable to access 'https://github.com/acme/infra.git/': Could not resolve host: github.com\n")]
    [InlineData("fatal: unable to access 'https://github.com/acme/infra.git/': The requested URL returned error: 502\n")]
    [InlineData("ssh: connect to host github.com port 22: Connection timed out\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n")]
    [InlineData("error: RPC failed; curl 92 HTTP/2 stream 0 was not closed cleanly\nfatal: early EOF\n")]
    public void A_network_failure_is_retryable(string standardError)
    {
        var failure = GitFailure.Describe(new GitOutput(128, "", standardError), Url, "main", null);

        Assert.True(failure.Retryable);
    }

    [Fact]
    public void A_missing_branch_names_the_ref()
    {
        var standardError = "warning: Could not find remote branch release/9.x to clone.\nfatal: Remote branch release/9.x not found in upstream origin\n";

        var failure = GitFailure.Describe(new GitOutput(128, "", standardError), Url, "release/9.x", null);

        Assert.False(failure.Retryable);
        Assert.Equal($"ref 'release/9.x' was not found in {Url} (git: fatal: Remote branch release/9.x not found in upstream origin)", failure.Message);
    }

    [Fact]
    public void A_secret_git_prints_is_masked()
    {
        var failure = GitFailure.Describe(new GitOutput(128, "", "fatal: unable to access 'https://x:ghp_secret@github.com/': Could not resolve host\n"), Url, "main", Credential("ghp_secret"));

        Assert.DoesNotContain("ghp_secret", failure.Message);
        Assert.Contains("https://x:***@github.com/", failure.Message);
    }

    private static AgentCredential Credential(string token) => new("infra-repo", AgentCredential.HttpsPat, null, token, null);
}
