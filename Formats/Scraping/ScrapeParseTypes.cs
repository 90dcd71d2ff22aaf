namespace Planekeeper.Scraping;

/// <summary>How a scrape job reads the deployed version out of its target file.</summary>
public static class ScrapeParseTypes
{
    public const string Yq = "yq";
    public const string Jq = "jq";
    public const string Regex = "regex";

    /// <summary>No repository: versions are set through the API.</summary>
    public const string Manual = "manual";

    public static IReadOnlyList<string> All { get; } = [Yq, Jq, Regex, Manual];
}
