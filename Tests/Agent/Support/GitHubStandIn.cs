using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>
/// GitHub's REST API for listing releases (<c>GET /repos/{owner}/{repo}/releases</c>) as GitHub answers it: JSON in
/// the documented shape, newest first, pages through <c>per_page</c>/<c>page</c> with a Link header, a weak ETag per
/// page honoured with 304 (not counted against the quota), X-RateLimit-* headers on every answer, 403 when the quota
/// is used up, 404 for unknown repositories. Statuses queued with <see cref="FailNext"/> are answered first.
/// </summary>
public sealed class GitHubStandIn : StandInServer
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<StandInRelease>> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly object _quotaLock = new();

    public int RateLimit { get; } = 5000;

    public int Remaining { get; private set; } = 5000;

    public DateTimeOffset ResetsAt { get; private set; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());

    public static async Task<GitHubStandIn> StartAsync(Action<GitHubStandIn>? setUp = null)
    {
        var standIn = new GitHubStandIn();
        setUp?.Invoke(standIn);
        await standIn.ListenAsync();
        return standIn;
    }

    /// <param name="releases">Newest first, as GitHub lists them.</param>
    public void AddRepository(string owner, string repo, IReadOnlyList<StandInRelease> releases) => _repositories[$"{owner}/{repo}"] = releases;

    public void FailNext(int status) => _failures.Enqueue(status);

    public void UseUpQuota(DateTimeOffset resetsAt)
    {
        lock (_quotaLock)
        {
            Remaining = 0;
            ResetsAt = DateTimeOffset.FromUnixTimeSeconds(resetsAt.ToUnixTimeSeconds());
        }
    }

    protected override void Map(WebApplication app) => app.MapGet("/repos/{owner}/{repo}/releases", Releases);

    private IResult Releases(HttpContext context, string owner, string repo)
    {
        if (_failures.TryDequeue(out var failure))
        {
            return Results.Json(new { message = "Server Error" }, statusCode: failure);
        }

        if (!ChargeQuota(context))
        {
            return Results.Json(
                new { message = "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)", documentation_url = "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting" },
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (!_repositories.TryGetValue($"{owner}/{repo}", out var releases))
        {
            return Results.Json(new { message = "Not Found", documentation_url = "https://docs.github.com/rest/releases/releases#list-releases", status = "404" }, statusCode: StatusCodes.Status404NotFound);
        }

        var perPage = Math.Clamp(QueryNumber(context, "per_page") ?? 30, 1, 100);
        var page = Math.Max(QueryNumber(context, "page") ?? 1, 1);
        var body = JsonSerializer.Serialize(releases.Skip((page - 1) * perPage).Take(perPage).Select(release => release.ToJson(owner, repo)));
        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            RefundQuota(context);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        AddLinks(context, owner, repo, perPage, page, lastPage: Math.Max(1, (releases.Count + perPage - 1) / perPage));
        return Results.Text(body, "application/json; charset=utf-8");
    }

    private bool ChargeQuota(HttpContext context)
    {
        lock (_quotaLock)
        {
            var allowed = Remaining > 0;
            Remaining = Math.Max(0, Remaining - 1);
            WriteQuota(context);
            return allowed;
        }
    }

    private void RefundQuota(HttpContext context)
    {
        lock (_quotaLock)
        {
            Remaining++;
            WriteQuota(context);
        }
    }

    private void WriteQuota(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Used"] = (RateLimit - Remaining).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Resource"] = "core";
    }

    private void AddLinks(HttpContext context, string owner, string repo, int perPage, int page, int lastPage)
    {
        string Link(int number, string rel) => $"<{Url}repos/{owner}/{repo}/releases?per_page={perPage}&page={number}>; rel=\"{rel}\"";
        var links = new List<string>();
        if (page < lastPage)
        {
            links.Add(Link(page + 1, "next"));
            links.Add(Link(lastPage, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(1, "first"));
            links.Add(Link(page - 1, "prev"));
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }
    }

    private static int? QueryNumber(HttpContext context, string name) =>
        int.TryParse(context.Request.Query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>A release of a stand-in repository; a draft has no publication date.</summary>
public sealed record StandInRelease(long Id, string Tag, DateTimeOffset CreatedAt, bool Draft = false, bool Prerelease = false)
{
    public DateTimeOffset? PublishedAt => Draft ? null : CreatedAt.AddMinutes(5);

    public object ToJson(string owner, string repo) => new Dictionary<string, object?>
    {
        ["url"] = $"https://api.github.com/repos/{owner}/{repo}/releases/{Id}",
        ["html_url"] = $"https://github.com/{owner}/{repo}/releases/tag/{Tag}",
        ["assets_url"] = $"https://api.github.com/repos/{owner}/{repo}/releases/{Id}/assets",
        ["upload_url"] = $"https://uploads.github.com/repos/{owner}/{repo}/releases/{Id}/assets{{?name,label}}",
        ["tarball_url"] = $"https://api.github.com/repos/{owner}/{repo}/tarball/{Tag}",
        ["zipball_url"] = $"https://api.github.com/repos/{owner}/{repo}/zipball/{Tag}",
        ["id"] = Id,
        ["node_id"] = $"RE_kwDO{Id:X8}",
        ["tag_name"] = Tag,
        ["target_commitish"] = "main",
        ["name"] = $"{repo} {Tag}",
        ["body"] = $"## What's Changed\n* Release {Tag}",
        ["draft"] = Draft,
        ["prerelease"] = Prerelease,
        ["immutable"] = false,
        ["created_at"] = CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["published_at"] = PublishedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["author"] = new Dictionary<string, object?>
        {
            ["login"] = "release-bot", ["id"] = 41898282, ["node_id"] = "MDM6Qm90NDE4OTgyODI=", ["type"] = "Bot", ["site_admin"] = false,
            ["html_url"] = "https://github.com/apps/release-bot", ["avatar_url"] = "https://avatars.githubusercontent.com/in/15368?v=4",
        },
        ["assets"] = Array.Empty<object>(),
    };
}
