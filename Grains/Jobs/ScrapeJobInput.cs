namespace Planekeeper.Grains.Jobs;

/// <summary>A scrape job as a client sent it, before validation.</summary>
public sealed record ScrapeJobInput(
    string? Name, string? RepositoryUrl, string? Ref, string? TargetFile, string? ParseType, string? ParseExpression,
    string? CredentialName, string? Schedule, string? VersionTransform, int? HistoryLimit, IReadOnlyDictionary<string, string>? Labels);

/// <summary>A valid scrape job; repository fields are null for <c>manual</c> jobs.</summary>
public sealed record ScrapeJobDefinition(
    string Name, string? RepositoryUrl, string Ref, string? TargetFile, string ParseType, string? ParseExpression,
    string? CredentialName, string? Schedule, string VersionTransform, int HistoryLimit, IReadOnlyDictionary<string, string> Labels)
{
    public const string Manual = "manual";

    public bool IsManual => ParseType == Manual;
}
