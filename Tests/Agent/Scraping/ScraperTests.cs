using System.Diagnostics;
using Planekeeper.Agent.Scraping;
using Planekeeper.Agent.Work;

namespace Planekeeper.Tests.Agent.Scraping;

/// <summary>Scrapes through real git checkouts of <see cref="DeploymentRepository"/> (a client agent: file:// is allowed).</summary>
public sealed class ScraperTests(DeploymentRepository repository) : IClassFixture<DeploymentRepository>, IDisposable
{
    private readonly TemporaryFolder temporaryRoot = new();

    public void Dispose() => temporaryRoot.Dispose();

    [Theory]
    [InlineData("charts/web/Chart.yaml", "yq", ".version", "none", "1.4.2")]
    [InlineData("charts/web/Chart.yaml", "yq", ".appVersion", "add_v_lower", "v1.27.2")]
    [InlineData("charts/web/Chart.yaml", "yq", ".dependencies[0].version", "add_v_upper", "V19.6.4")]
    [InlineData("charts/web/values.yaml", "yq", ".image.tag", "strip_v_lower", "2.14.1")]
    [InlineData("charts/web/values.yaml", "yq", ".image.tag", "none", "v2.14.1")]
    [InlineData("deploy/web.yaml", "yq", ".spec.template.spec.containers[1].image", "none", "ghcr.io/acme/web:2.14.1")]
    [InlineData("deploy/web.yaml", "yq", ".metadata.labels[\"app.kubernetes.io/version\"]", "none", "2.14.1")]
    [InlineData("deploy/labels.yaml", "yq", ".[\"app.kubernetes.io/version\"]", "add_v_lower", "v2.14.1")]
    [InlineData("frontend/package.json", "jq", ".version", "none", "3.8.0")]
    [InlineData("frontend/package.json", "jq", ".dependencies.react", "none", "^18.3.1")]
    [InlineData("frontend/package.json", "yq", ".[\"version\"]", "strip_v_upper", "3.8.0")]
    [InlineData("Dockerfile", "regex", @"^FROM\s+nginx:(\S+)", "none", "1.27.2-alpine")]
    [InlineData("Dockerfile", "regex", @"(?<=^FROM\s+node:)\d+", "add_v_lower", "v20")]
    public async Task Reads_the_version_at_main(string targetFile, string parseType, string expression, string transform, string expected)
    {
        var result = await Scrape(Request(targetFile, parseType, expression, transform: transform));

        Assert.Equal(new ScrapeResult(expected, repository.MainSha), result);
    }

    [Fact]
    public async Task Reads_an_annotated_tag_at_its_commit()
    {
        var result = await Scrape(Request("charts/web/Chart.yaml", "yq", ".version", gitRef: DeploymentRepository.ChartReleaseTag));

        Assert.Equal(new ScrapeResult("1.3.0", repository.ChartReleaseSha), result);
    }

    [Fact]
    public async Task Reads_a_branch_other_than_main()
    {
        var result = await Scrape(Request("charts/web/Chart.yaml", "yq", ".version", gitRef: DeploymentRepository.ReleaseBranch));

        Assert.Equal(new ScrapeResult("2.0.0-rc.1", repository.ReleaseBranchSha), result);
    }

    [Fact]
    public async Task Reads_a_commit_given_by_its_sha_even_when_no_branch_points_at_it()
    {
        var result = await Scrape(Request("charts/web/Chart.yaml", "yq", ".appVersion", gitRef: repository.ChartReleaseSha));

        Assert.Equal(new ScrapeResult("1.26.3", repository.ChartReleaseSha), result);
    }

    [Fact]
    public async Task An_unknown_ref_is_a_final_failure_naming_it()
    {
        var failure = await ScrapeFails(Request("charts/web/Chart.yaml", "yq", ".version", gitRef: "release/9.x"));

        Assert.False(failure.Retryable);
        Assert.StartsWith($"ref 'release/9.x' was not found in {repository.Url}", failure.Message);
    }

    [Fact]
    public async Task An_abbreviated_sha_is_explained()
    {
        var failure = await ScrapeFails(Request("charts/web/Chart.yaml", "yq", ".version", gitRef: repository.ChartReleaseSha[..7]));

        Assert.False(failure.Retryable);
        Assert.Contains("a commit must be given by its full 40-character sha", failure.Message);
    }

    [Fact]
    public async Task A_missing_repository_is_a_final_failure()
    {
        var missing = new Uri(Path.Combine(temporaryRoot.Path, "gone.git")).AbsoluteUri;

        var failure = await ScrapeFails(Request("Chart.yaml", "yq", ".version") with { RepositoryUrl = missing });

        Assert.False(failure.Retryable);
        Assert.StartsWith($"repository {missing} was not found or access was denied without a credential", failure.Message);
    }

    [Fact]
    public async Task A_missing_target_file_is_a_final_failure_naming_the_file_and_ref()
    {
        var failure = await ScrapeFails(Request("charts/api/Chart.yaml", "yq", ".version", gitRef: DeploymentRepository.ReleaseBranch));

        Assert.False(failure.Retryable);
        Assert.Equal($"target_file 'charts/api/Chart.yaml' does not exist at ref 'release/2.x' (commit {repository.ReleaseBranchSha})", failure.Message);
    }

    [Theory]
    [InlineData("../outside.yaml", "target_file '../outside.yaml' is not a path inside the repository")]
    [InlineData("/etc/hostname", "target_file '/etc/hostname' is not a path inside the repository")]
    [InlineData(".git/config", "target_file '.git/config' is not a path inside the repository")]
    [InlineData("charts/web/hostname.yaml", "target_file 'charts/web/hostname.yaml' is or goes through a symbolic link at ref 'main'; the agent only reads regular files")]
    [InlineData("charts/web", "target_file 'charts/web' is a directory at ref 'main'")]
    public async Task A_target_file_outside_the_repository_is_refused(string targetFile, string expected)
    {
        var failure = await ScrapeFails(Request(targetFile, "yq", ".version"));

        Assert.False(failure.Retryable);
        Assert.StartsWith(expected, failure.Message);
    }

    [Theory]
    [InlineData("charts/web/values.yaml", "yq", ".image.version", "charts/web/values.yaml: .image.version: no key 'version' under .image")]
    [InlineData("charts/web/values.yaml", "yq", ".image", "charts/web/values.yaml: .image: the value is a mapping, not a single value")]
    [InlineData("charts/web/values.yaml", "yq", ".image.digest", "charts/web/values.yaml: .image.digest: the value is empty")]
    [InlineData("deploy/web.yaml", "yq", ".spec.template.spec.containers[2].image", "deploy/web.yaml: .spec.template.spec.containers[2].image: index [2] is out of range: .spec.template.spec.containers has 2 items")]
    [InlineData("frontend/package.json", "jq", ".dependencies.vue", "frontend/package.json: .dependencies.vue: no key 'vue' under .dependencies")]
    [InlineData("charts/web/Chart.yaml", "jq", ".version", "charts/web/Chart.yaml is not valid JSON")]
    [InlineData("charts/web/Chart.yaml", "yq", "version", "parse_expression 'version' is not a valid path: expected '.' at the start (position 1)")]
    [InlineData("Dockerfile", "regex", @"^FROM\s+redis:(\S+)", @"Dockerfile: the expression ^FROM\s+redis:(\S+) matches nothing")]
    [InlineData("Dockerfile", "regex", "^FROM (", "parse_expression is not a valid regular expression")]
    public async Task A_path_or_expression_that_finds_no_version_is_a_final_failure(string targetFile, string parseType, string expression, string expected)
    {
        var failure = await ScrapeFails(Request(targetFile, parseType, expression));

        Assert.False(failure.Retryable);
        Assert.StartsWith(expected, failure.Message);
    }

    [Fact]
    public async Task Catastrophic_backtracking_is_stopped_after_a_second()
    {
        var clock = Stopwatch.StartNew();

        var failure = await ScrapeFails(Request("checks/backtracking.txt", "regex", "^(a+)+$"));

        Assert.False(failure.Retryable);
        Assert.Equal("checks/backtracking.txt: the expression took longer than 1 s (catastrophic backtracking?)", failure.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_checkout_folder_is_deleted_after_success_and_after_failure()
    {
        await Scrape(Request("charts/web/Chart.yaml", "yq", ".version"));
        Assert.Equal(0, temporaryRoot.EntryCount);

        await ScrapeFails(Request("charts/web/Chart.yaml", "yq", ".nothing"));
        Assert.Equal(0, temporaryRoot.EntryCount);

        await ScrapeFails(Request("charts/web/Chart.yaml", "yq", ".version", gitRef: "no-such-branch"));
        Assert.Equal(0, temporaryRoot.EntryCount);
    }

    [Fact]
    public async Task A_checkout_over_its_time_is_a_retryable_failure_and_leaves_nothing_behind()
    {
        var scraper = new Scraper(new GitCheckout(allowPrivateAddresses: true, temporaryRoot.Path, timeout: TimeSpan.FromMilliseconds(1)));

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => scraper.ScrapeAsync(Request("charts/web/Chart.yaml", "yq", ".version"), CancellationToken.None));

        Assert.True(failure.Retryable);
        Assert.Equal($"git did not finish reading {repository.Url} within 0.001 s", failure.Message);
        Assert.Equal(0, temporaryRoot.EntryCount);
    }

    [Fact]
    public async Task Cancelling_stops_git_and_leaves_nothing_behind()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Scraper().ScrapeAsync(Request("charts/web/Chart.yaml", "yq", ".version"), cancellation.Token));

        Assert.Equal(0, temporaryRoot.EntryCount);
    }

    private ScrapeRequest Request(string targetFile, string parseType, string expression, string gitRef = "main", string transform = "none") =>
        new(repository.Url, gitRef, targetFile, parseType, expression, transform, Credential: null);

    private Scraper Scraper() => new(new GitCheckout(allowPrivateAddresses: true, temporaryRoot.Path));

    private Task<ScrapeResult> Scrape(ScrapeRequest request) => Scraper().ScrapeAsync(request, CancellationToken.None);

    private Task<TaskFailedException> ScrapeFails(ScrapeRequest request) =>
        Assert.ThrowsAsync<TaskFailedException>(() => Scrape(request));
}
