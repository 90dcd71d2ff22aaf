using Planekeeper.Scraping;
namespace Planekeeper.Grains.Jobs.Scrape;

/// <summary>Rules for the repository-side fields of a non-manual scrape job.</summary>
internal static class ScrapeFields
{
    public static string? RepositoryUrl(string? url, ValidationErrors errors)
    {
        var trimmed = JobFields.Optional(url);
        if (trimmed is null)
        {
            errors.Add("repository_url", "repository_url is required");
        }
        else if (!GitRepositoryUrl.IsValid(trimmed, out var error))
        {
            errors.Add("repository_url", error!);
        }
        return trimmed;
    }

    public static string Ref(string? gitRef, ValidationErrors errors)
    {
        var trimmed = JobFields.Optional(gitRef);
        if (trimmed is null)
        {
            return ScrapeJobDefinition.DefaultRef;
        }
        if (trimmed.Length > 255 || trimmed.Any(char.IsWhiteSpace) || trimmed.Contains("..") || trimmed.StartsWith('-'))
        {
            errors.Add("ref", "ref must be 1-255 characters without whitespace or '..' and must not start with '-'");
        }
        return trimmed;
    }

    public static string? TargetFile(string? targetFile, ValidationErrors errors)
    {
        var trimmed = JobFields.Optional(targetFile);
        if (trimmed is null)
        {
            errors.Add("target_file", "target_file is required");
        }
        else if (trimmed.Length > 1024 || trimmed.StartsWith('/') || trimmed.Contains('\\') || trimmed.Split('/').Contains(".."))
        {
            errors.Add("target_file", "target_file must be a relative path within the repository (no leading '/', no '..' segment, no '\\', at most 1024 characters)");
        }
        return trimmed;
    }

    /// <summary>Checks the expression against the parse type's language; an unknown parse type is reported elsewhere.</summary>
    public static string? ParseExpression(string? parseType, string? expression, ValidationErrors errors)
    {
        // Not trimmed: leading or trailing spaces can be significant in a regex.
        if (string.IsNullOrWhiteSpace(expression))
        {
            errors.Add("parse_expression", "parse_expression is required");
            return null;
        }
        var error = parseType switch
        {
            ScrapeParseTypes.Yq or ScrapeParseTypes.Jq => PathError(expression),
            ScrapeParseTypes.Regex => JobFields.PatternProblem("parse_expression", expression),
            _ => null,
        };
        if (error is not null)
        {
            errors.Add("parse_expression", error);
        }
        return expression;
    }

    private static string? PathError(string expression) =>
        PathExpression.TryParse(expression, out _, out var error) ? null : $"parse_expression is not a valid path such as .spec.image or .dependencies[0].version: {error}";
}
