using Planekeeper.Agent.Work;
using Planekeeper.Scraping;

namespace Planekeeper.Agent.Scraping;

/// <summary>The reader of a scrape job's <c>parse_type</c> and <c>parse_expression</c>, checked before anything is cloned.</summary>
internal static class VersionReaders
{
    /// <exception cref="TaskFailedException">Not retryable: the parse type or expression is not one the agent can use.</exception>
    public static IVersionReader For(string parseType, string parseExpression) => parseType switch
    {
        ScrapeParseTypes.Yq => new YamlVersionReader(parseExpression, Path(parseExpression)),
        ScrapeParseTypes.Jq => new JsonVersionReader(parseExpression, Path(parseExpression)),
        ScrapeParseTypes.Regex => new RegexVersionReader(parseExpression),
        ScrapeParseTypes.Manual => throw new TaskFailedException("a manual scrape job has no repository to read; its version is set through the API", retryable: false),
        _ => throw new TaskFailedException($"parse_type '{parseType}' is not one of {string.Join(", ", ScrapeParseTypes.All)}", retryable: false),
    };

    private static IReadOnlyList<PathSegment> Path(string expression) =>
        PathExpression.TryParse(expression, out var segments, out var error)
            ? segments
            : throw new TaskFailedException($"parse_expression '{expression}' is not a valid path: {error}", retryable: false);
}
