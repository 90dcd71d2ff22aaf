using Planekeeper.Agent.Scraping;
using Planekeeper.Agent.Work;

namespace Planekeeper.Tests.Agent.Scraping;

/// <summary>A server agent (private addresses not allowed) refuses local repositories and private hosts before git runs.</summary>
public sealed class ServerAgentRulesTests : IDisposable
{
    private readonly TemporaryFolder temporaryRoot = new();

    public void Dispose() => temporaryRoot.Dispose();

    [Theory]
    [InlineData("file:///srv/git/infra.git")]
    [InlineData("/srv/git/infra.git")]
    [InlineData("../infra")]
    [InlineData("git://git.example.com/infra.git")]
    [InlineData("http://git.example.com/infra.git")]
    public async Task Local_paths_file_urls_and_other_transports_are_refused(string url)
    {
        var failure = await CheckOutFails(url);

        Assert.False(failure.Retryable);
        Assert.Equal(
            $"repository_url '{url}' is not an https or ssh repository; a server agent does not read local paths, file:// or other transports (AGENT_ALLOW_PRIVATE_URLS=true allows it)",
            failure.Message);
    }

    [Theory]
    [InlineData("https://127.0.0.1/acme/infra.git", "127.0.0.1 is")]
    [InlineData("https://localhost:8443/acme/infra.git", "localhost resolves to")]
    [InlineData("https://169.254.169.254/latest/meta-data", "169.254.169.254 is")]
    [InlineData("ssh://git@[::1]:2222/acme/infra.git", "::1 is")]
    [InlineData("git@10.20.30.40:acme/infra.git", "10.20.30.40 is")]
    public async Task A_host_on_a_private_address_is_refused_before_connecting(string url, string hostIs)
    {
        var failure = await CheckOutFails(url);

        Assert.False(failure.Retryable);
        Assert.StartsWith($"{hostIs} a private or reserved address", failure.Message);
        Assert.EndsWith("a server agent only reaches public addresses (AGENT_ALLOW_PRIVATE_URLS=true allows it)", failure.Message);
    }

    [Theory]
    [InlineData(@"https://public.example\@127.0.0.1/x.git", "contains a backslash, a space or a control character")]
    [InlineData(@"https://public.example\@github.com/x.git", "contains a backslash, a space or a control character")]
    [InlineData(@"ssh://public.example\@127.0.0.1/x.git", "contains a backslash, a space or a control character")]
    [InlineData(@"git@public.example\@127.0.0.1:x.git", "contains a backslash, a space or a control character")]
    [InlineData("https://public.example%5C@127.0.0.1/x.git", "has user information before the host; give an https_pat credential instead")]
    [InlineData("https://public.example@github.com/x.git", "has user information before the host; give an https_pat credential instead")]
    [InlineData("https://user:token@github.com/x.git", "has user information before the host; give an https_pat credential instead")]
    [InlineData("ssh://public.example%40127.0.0.1@github.com/x.git", "has a user name that is not a plain name before the host")]
    public async Task Backslash_and_user_information_tricks_in_the_host_part_are_refused_before_any_lookup(string url, string why)
    {
        var failure = await CheckOutFails(url);

        Assert.False(failure.Retryable);
        Assert.Equal($"repository_url '{url}' {why}; a server agent does not read it", failure.Message);
    }

    [Fact]
    public async Task The_refusal_of_a_name_does_not_say_which_address_it_resolved_to()
    {
        var failure = await CheckOutFails("https://localhost/acme/infra.git");

        Assert.DoesNotContain("127.0.0.1", failure.Message);
        Assert.DoesNotContain("::1", failure.Message);
    }

    [Fact]
    public async Task A_scrape_on_a_server_agent_refuses_the_test_repository()
    {
        var request = new ScrapeRequest("file:///srv/git/infra.git", "main", "Chart.yaml", "yq", ".version", "none", Credential: null);
        var scraper = new Scraper(new GitCheckout(allowPrivateAddresses: false, temporaryRoot.Path));

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => scraper.ScrapeAsync(request, CancellationToken.None));

        Assert.False(failure.Retryable);
        Assert.Equal(0, temporaryRoot.EntryCount);
    }

    private async Task<TaskFailedException> CheckOutFails(string url)
    {
        var checkout = new GitCheckout(allowPrivateAddresses: false, temporaryRoot.Path);
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => checkout.CheckOutAsync(url, "main", null, CancellationToken.None));
        Assert.Equal(0, temporaryRoot.EntryCount);
        return failure;
    }
}
