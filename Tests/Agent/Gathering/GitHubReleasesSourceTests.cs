using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Gathering.GitHub;
using Planekeeper.Agent.Work;
using Planekeeper.Tests.Agent.Support;

namespace Planekeeper.Tests.Agent.Gathering;

/// <summary>github_releases against a stand-in of GitHub's REST API.</summary>
public sealed class GitHubReleasesSourceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset FirstRelease = new(2021, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private GitHubStandIn _github = null!;

    public async Task InitializeAsync()
    {
        _github = await GitHubStandIn.StartAsync();
        _github.AddRepository("acme", "rocket", RocketReleases());
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task Every_published_release_is_gathered_across_pages_with_drafts_skipped_and_prereleases_flagged()
    {
        var result = await Source().GatherAsync(Request("github.com/acme/rocket"), CancellationToken.None);

        Assert.False(result.Unchanged);
        Assert.Equal(3, _github.Requests.Count);
        Assert.All(_github.Requests, request => Assert.Contains("per_page=100", request.Query));
        Assert.Equal(["", "2", "3"], _github.Requests.Select(request => PageOf(request.Query)));
        var expected = RocketReleases().Where(release => !release.Draft).ToList();
        Assert.Equal(expected.Select(release => release.Tag), result.Releases.Select(release => release.Version));
        Assert.Equal(expected.Select(release => release.PublishedAt), result.Releases.Select(release => release.ReleasedAt));
        Assert.Equal(expected.Select(release => release.Prerelease), result.Releases.Select(release => release.Prerelease));
        Assert.DoesNotContain(result.Releases, release => release.Version.EndsWith("-draft", StringComparison.Ordinal));
        Assert.Contains(result.Releases, release => release.Prerelease);
    }

    [Fact]
    public async Task The_quota_of_the_last_answer_is_reported()
    {
        var result = await Source().GatherAsync(Request("github.com/acme/rocket"), CancellationToken.None);

        Assert.Equal(new RateLimitStatus(5000, 4997, _github.ResetsAt), result.RateLimit);
    }

    [Fact]
    public async Task A_second_gather_with_the_validators_is_answered_304_and_reports_unchanged()
    {
        var source = Source();
        var first = await source.GatherAsync(Request("github.com/acme/rocket"), CancellationToken.None);

        var second = await source.GatherAsync(Request("github.com/acme/rocket", previous: first.Validators), CancellationToken.None);

        Assert.NotNull(first.Validators?.ETag);
        Assert.True(second.Unchanged);
        Assert.Empty(second.Releases);
        Assert.Equal(first.Validators, second.Validators);
        var conditional = _github.Requests[^1];
        Assert.Equal(4, _github.Requests.Count);
        Assert.Equal(304, conditional.Status);
        Assert.Equal(first.Validators!.ETag, conditional.Header("If-None-Match"));
        Assert.Equal(first.RateLimit!.Remaining, second.RateLimit!.Remaining);
    }

    [Fact]
    public async Task A_used_up_quota_fails_retryable_until_the_reset_without_asking_again()
    {
        var reset = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(37).ToUnixTimeSeconds());
        _github.UseUpQuota(reset);
        var source = Source();

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => source.GatherAsync(Request("github.com/acme/rocket"), CancellationToken.None));
        var again = await Assert.ThrowsAsync<TaskFailedException>(() => source.GatherAsync(Request("github.com/acme/rocket"), CancellationToken.None));

        Assert.True(failure.Retryable);
        Assert.Equal(reset, failure.RetryAfter);
        Assert.Equal(
            $"GitHub's API rate limit (5000 requests for anonymous access) is used up; it resets at {reset.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; set GITHUB_TOKEN or name an https_pat credential for a higher limit",
            failure.Message);
        Assert.Equal(failure.Message, again.Message);
        Assert.Equal(403, Assert.Single(_github.Requests).Status);
    }

    [Fact]
    public async Task An_unknown_repository_fails_not_retryable()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Source().GatherAsync(Request("github.com/acme/missing"), CancellationToken.None));

        Assert.False(failure.Retryable);
        Assert.Equal("repository github.com/acme/missing not found (or not visible with the token)", failure.Message);
        Assert.Single(_github.Requests);
    }

    [Fact]
    public async Task A_bad_gateway_is_retried_within_the_task()
    {
        _github.FailNext(502);

        var result = await Source().GatherAsync(Request("github.com/acme/rocket"), CancellationToken.None);

        Assert.Equal(RocketReleases().Count(release => !release.Draft), result.Releases.Count);
        Assert.Equal([502, 200, 200, 200], _github.Requests.Select(request => request.Status));
    }

    [Fact]
    public async Task A_gateway_that_stays_bad_fails_retryable()
    {
        foreach (var _ in Enumerable.Range(0, TestHttp.FastRetries.Attempts))
        {
            _github.FailNext(503);
        }

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Source().GatherAsync(Request("github.com/acme/rocket"), CancellationToken.None));

        Assert.True(failure.Retryable);
        Assert.Equal("GitHub answered 503 for github.com/acme/rocket", failure.Message);
        Assert.Equal(TestHttp.FastRetries.Attempts, _github.Requests.Count);
    }

    [Fact]
    public async Task The_jobs_https_pat_credential_wins_over_GITHUB_TOKEN()
    {
        var credential = new AgentCredential("acme-bot", AgentCredential.HttpsPat, null, "ghp_fromCredential", null);

        await Source(token: "ghp_fromEnvironment").GatherAsync(Request("github.com/acme/rocket", credential), CancellationToken.None);
        await Source(token: "ghp_fromEnvironment").GatherAsync(Request("github.com/acme/rocket"), CancellationToken.None);

        Assert.All(_github.Requests.Take(3), request => Assert.EndsWith(" ghp_fromCredential", request.Header("Authorization")));
        Assert.All(_github.Requests.Skip(3), request => Assert.EndsWith(" ghp_fromEnvironment", request.Header("Authorization")));
    }

    [Fact]
    public async Task A_credential_of_another_type_fails_before_asking_GitHub()
    {
        var credential = new AgentCredential("deploy-key", AgentCredential.SshKey, null, null, "-----BEGIN OPENSSH PRIVATE KEY-----");

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Source().GatherAsync(Request("github.com/acme/rocket", credential), CancellationToken.None));

        Assert.False(failure.Retryable);
        Assert.Equal("credential 'deploy-key' is not usable for github_releases: it takes an https_pat credential (a token)", failure.Message);
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task The_tag_filter_keeps_matching_tags_only()
    {
        var result = await Source().GatherAsync(Request("github.com/acme/rocket", tagFilter: @"^v1\.2\."), CancellationToken.None);

        Assert.NotEmpty(result.Releases);
        Assert.All(result.Releases, release => Assert.StartsWith("v1.2.", release.Version));
    }

    [Fact]
    public async Task An_artifact_that_is_not_a_GitHub_repository_fails_not_retryable()
    {
        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => Source().GatherAsync(Request("gitlab.com/acme/rocket"), CancellationToken.None));

        Assert.False(failure.Retryable);
        Assert.Equal("artifact_name 'gitlab.com/acme/rocket' is not github.com/<owner>/<repo>", failure.Message);
    }

    private GitHubReleasesSource Source(string? token = null) => new(TestHttp.Handler(), _github.Url, token);

    private static GatherRequest Request(string artifact, AgentCredential? credential = null, UpstreamValidators? previous = null, string? tagFilter = null) =>
        new("github_releases", artifact, tagFilter, credential, previous);

    private static string PageOf(string query) =>
        query.TrimStart('?').Split('&').FirstOrDefault(part => part.StartsWith("page=", StringComparison.Ordinal))?["page=".Length..] ?? "";

    /// <summary>250 releases, newest first: every 10th a prerelease, every 25th a draft.</summary>
    private static List<StandInRelease> RocketReleases() => Enumerable.Range(0, 250)
        .Select(n => new StandInRelease(
            Id: 100_000 + n,
            Tag: n % 25 == 24 ? $"v1.{n / 100}.{n % 100}-draft" : n % 10 == 3 ? $"v1.{n / 100}.{n % 100}-rc.1" : $"v1.{n / 100}.{n % 100}",
            CreatedAt: FirstRelease.AddDays(n),
            Draft: n % 25 == 24,
            Prerelease: n % 10 == 3))
        .Reverse()
        .ToList();
}
