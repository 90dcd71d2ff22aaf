namespace Planekeeper.Grains.Interfaces.Jobs.Scrape;

/// <summary>The fields a client sends to create or replace a scrape job; validated by the grain.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.jobs.scrape-request")]
public sealed record ScrapeJobRequest(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? RepositoryUrl,
    [property: Id(2)] string? Ref,
    [property: Id(3)] string? TargetFile,
    [property: Id(4)] string? ParseType,
    [property: Id(5)] string? ParseExpression,
    [property: Id(6)] string? CredentialName,
    [property: Id(7)] string? Schedule,
    [property: Id(8)] string? VersionTransform,
    [property: Id(9)] int? HistoryLimit,
    [property: Id(10)] IReadOnlyDictionary<string, string>? Labels);
