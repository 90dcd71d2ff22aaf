namespace Planekeeper.Grains.Jobs.Scrape;

/// <summary>A scrape job as submitted to the API, before validation.</summary>
public sealed record ScrapeJobInput(
    string? Name,
    string? RepositoryUrl,
    string? Ref,
    string? TargetFile,
    string? ParseType,
    string? ParseExpression,
    string? CredentialName,
    string? Schedule,
    string? VersionTransform,
    int? HistoryLimit,
    IReadOnlyDictionary<string, string>? Labels);
