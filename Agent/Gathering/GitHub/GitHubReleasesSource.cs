using System.Net;
using Octokit;
using Octokit.Internal;
using Planekeeper.Agent.Http;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.GitHub;

/// <summary>
/// <c>github_releases</c>: the published releases of github.com/&lt;owner&gt;/&lt;repo&gt; through Octokit, newest
/// first as GitHub lists them, up to 10 pages of 100; drafts skipped; version = tag name, date = published_at,
/// GitHub's prerelease flag. Conditional on the previous ETag (a 304 costs no quota), reports the quota of every
/// answer, and fails retryable until the reset once the quota is used up, without asking GitHub again meanwhile.
/// </summary>
public sealed class GitHubReleasesSource : IGatherSource
{
    private const int PageSize = 100;
    private const int MaxPages = 10;
    private static readonly ProductHeaderValue Product = new("Planekeeper-Agent");

    private readonly IHttpClient _http;
    private readonly Uri _apiUrl;
    private readonly string? _token;
    private readonly GitHubQuota _quota = new();

    /// <param name="handler">The agent's handler chain (<see cref="AgentHttp.CreateHandler"/>); shared, never disposed here.</param>
    /// <param name="apiUrl">GITHUB_API_URL: https://api.github.com/, or a GitHub Enterprise API such as https://ghe.example.com/api/v3/.</param>
    /// <param name="token">GITHUB_TOKEN, used when the job names no https_pat credential.</param>
    public GitHubReleasesSource(HttpMessageHandler handler, Uri apiUrl, string? token)
    {
        _http = new HttpClientAdapter(() => handler);
        _apiUrl = apiUrl.AbsoluteUri.EndsWith('/') ? apiUrl : new Uri(apiUrl.AbsoluteUri + "/");
        _token = token;
    }

    public string SourceType => "github_releases";

    public async Task<GatherResult> GatherAsync(GatherRequest request, CancellationToken cancellationToken)
    {
        var repository = GitHubRepository.Parse(request.ArtifactName);
        var filter = new TagFilter(request.TagFilter);
        var account = GitHubAccount.For(request.Credential, _token);
        _quota.EnsureAvailable(account);
        var exchange = new GitHubExchange(_http, request.Previous, account);
        try
        {
            var releases = await ReadReleasesAsync(Connect(exchange, account), repository, cancellationToken);
            var gathered = releases.Where(release => !release.Draft && filter.Allows(release.TagName)).Select(Gathered).ToList();
            return new GatherResult(Unchanged: false, gathered, exchange.Validators, exchange.RateLimit);
        }
        catch (GitHubExchange.NotModifiedException)
        {
            return new GatherResult(Unchanged: true, [], exchange.Validators ?? request.Previous, exchange.RateLimit);
        }
        catch (ApiException exception)
        {
            throw Failure(exception, repository);
        }
        catch (Exception exception) when (UpstreamFailure.FromException(exception, $"the GitHub API at {_apiUrl.Authority}", cancellationToken) is { } failure)
        {
            throw failure;
        }
        finally
        {
            _quota.Record(account, exchange.RateLimit);
        }
    }

    private Connection Connect(GitHubExchange exchange, GitHubAccount account) =>
        new(Product, _apiUrl, new InMemoryCredentialStore(account.Credentials), exchange, new SimpleJsonSerializer());

    private static async Task<List<Release>> ReadReleasesAsync(Connection connection, GitHubRepository repository, CancellationToken cancellationToken)
    {
        var releases = new List<Release>();
        Uri? page = repository.ReleasesUri(PageSize);
        for (var read = 0; page is not null && read < MaxPages; read++)
        {
            var response = await connection.Get<List<Release>>(page, null, null, cancellationToken);
            releases.AddRange(response.Body);
            page = response.HttpResponse.ApiInfo.GetNextPageUrl();
        }

        return releases;
    }

    private static GatheredRelease Gathered(Release release) => new(release.TagName, release.PublishedAt ?? release.CreatedAt, release.Prerelease);

    private static TaskFailedException Failure(ApiException exception, GitHubRepository repository) => exception switch
    {
        NotFoundException => new TaskFailedException($"repository {repository} not found (or not visible with the token)", retryable: false),
        AuthorizationException => new TaskFailedException(
            $"GitHub refused the token ({(int)exception.StatusCode}); check GITHUB_TOKEN or the job's https_pat credential", retryable: false),
        { StatusCode: >= HttpStatusCode.InternalServerError } => new TaskFailedException($"GitHub answered {(int)exception.StatusCode} for {repository}", retryable: true),
        _ => new TaskFailedException($"GitHub answered {(int)exception.StatusCode} for {repository}: {exception.ApiError?.Message ?? exception.Message}", retryable: false),
    };
}
