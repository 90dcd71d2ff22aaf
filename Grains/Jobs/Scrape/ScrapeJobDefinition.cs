using Planekeeper.Scraping;
namespace Planekeeper.Grains.Jobs.Scrape;

/// <summary>
/// A validated, normalized scrape job. For <see cref="ScrapeParseTypes.Manual"/> jobs the repository fields,
/// credential and schedule are null and <see cref="Ref"/> is unused.
/// </summary>
public sealed record ScrapeJobDefinition(
    string Name,
    string? RepositoryUrl,
    string Ref,
    string? TargetFile,
    string ParseType,
    string? ParseExpression,
    string? CredentialName,
    string? Schedule,
    string VersionTransform,
    int HistoryLimit,
    IReadOnlyDictionary<string, string> Labels)
{
    public const string DefaultRef = "main";
    public const int DefaultHistoryLimit = 10;
    public const int MaxHistoryLimit = 20;
}
