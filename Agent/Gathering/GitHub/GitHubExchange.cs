using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Octokit;
using Octokit.Internal;
using IRequest = Octokit.Internal.IRequest;

namespace Planekeeper.Agent.Gathering.GitHub;

/// <summary>
/// Octokit's HTTP client for one gather, wrapping the source's shared one. Octokit has no per-request headers, and
/// its own response cache (CachingHttpClient) needs the earlier answer's body while the agent keeps only validators;
/// its <see cref="IHttpClient"/> seam (Connection takes one) sees each request and answer whole, so here the first
/// page gets If-None-Match / If-Modified-Since, a 304 ends the gather as unchanged, every answer's quota is read,
/// and a used-up quota fails before Octokit would map it by the wording of the body. Octokit hands on no content
/// headers, so GitHub's validator is its ETag (its release lists carry no Last-Modified).
/// </summary>
internal sealed class GitHubExchange(IHttpClient shared, UpstreamValidators? previous, GitHubAccount account) : IHttpClient
{
    private bool _sentFirstPage;

    public UpstreamValidators? Validators { get; private set; }

    public RateLimitStatus? RateLimit { get; private set; }

    public async Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        var firstPage = !_sentFirstPage;
        _sentFirstPage = true;
        if (firstPage)
        {
            AddConditions(request.Headers);
        }

        var response = await shared.Send(request, cancellationToken, preprocessResponseBody);
        var quota = GitHubRateLimit.Read(response.Headers);
        RateLimit = quota ?? RateLimit;
        if (firstPage && response.ApiInfo?.Etag is { Length: > 0 } etag)
        {
            Validators = new UpstreamValidators(etag, null);
        }

        return response.StatusCode switch
        {
            HttpStatusCode.NotModified => throw new NotModifiedException(),
            HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests when quota is { Remaining: 0 } => throw GitHubRateLimit.UsedUp(quota, account),
            HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests when GitHubRateLimit.RetryAfter(response.Headers) is { } wait =>
                throw GitHubRateLimit.SlowDown(DateTimeOffset.UtcNow + wait),
            _ => response,
        };
    }

    public void SetRequestTimeout(TimeSpan timeout) => shared.SetRequestTimeout(timeout);

    /// <summary>The shared client outlives the gather.</summary>
    public void Dispose()
    {
    }

    private void AddConditions(Dictionary<string, string> headers)
    {
        if (previous?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out _))
        {
            headers["If-None-Match"] = etag;
        }

        if (previous?.LastModified is { } lastModified)
        {
            headers["If-Modified-Since"] = lastModified.ToString("R", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>GitHub answered 304 to the first page: nothing changed since the previous fetch.</summary>
    public sealed class NotModifiedException() : Exception("GitHub answered 304 Not Modified");
}
