using Planekeeper.Agent.Work;
using Planekeeper.Versioning;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// Runs a scrape job: checks out its ref, reads the target file, extracts the version with the parse type and
/// expression, and applies the version transform. The checkout folder is deleted whatever happens.
/// </summary>
public sealed class Scraper(GitCheckout checkout)
{
    /// <summary>The server stores versions of 1–128 characters without spaces.</summary>
    public const int MaxVersionLength = 128;

    /// <exception cref="TaskFailedException">The version cannot be read; says whether trying again may help.</exception>
    public async Task<ScrapeResult> ScrapeAsync(ScrapeRequest request, CancellationToken cancellationToken)
    {
        var reader = VersionReaders.For(request.ParseType, request.ParseExpression);
        RefuseUnknownTransform(request.VersionTransform);
        using var repository = await checkout.CheckOutAsync(request.RepositoryUrl, request.Ref, request.Credential, cancellationToken);
        var found = reader.Read(repository.ReadFile(request.TargetFile), request.TargetFile);
        return new ScrapeResult(Version(request, found), repository.CommitSha);
    }

    private static void RefuseUnknownTransform(string transform)
    {
        if (!VersionTransform.All.Contains(transform))
        {
            throw new TaskFailedException($"version_transform '{transform}' is not one of {string.Join(", ", VersionTransform.All)}", retryable: false);
        }
    }

    private static string Version(ScrapeRequest request, string found)
    {
        var trimmed = found.Trim();
        var where = $"{request.TargetFile}: {request.ParseExpression}";
        if (trimmed.Length == 0)
        {
            throw new TaskFailedException($"{where}: the value is empty", retryable: false);
        }
        var version = VersionTransform.Apply(request.VersionTransform, trimmed);
        if (version.Length > MaxVersionLength || version.Any(char.IsWhiteSpace))
        {
            throw new TaskFailedException($"{where}: '{Shorten(version)}' is not a version (1–{MaxVersionLength} characters without spaces)", retryable: false);
        }
        return version;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
