using Planekeeper.Scraping;
using Planekeeper.Versioning;
namespace Planekeeper.Grains.Jobs.Scrape;

public static class ScrapeJobValidator
{
    private const string ManualHasNoRepository = "manual jobs have no repository; set versions with POST /scrape-jobs/{id}/set-version";

    public static Validated<ScrapeJobDefinition> Validate(ScrapeJobInput input)
    {
        var errors = new ValidationErrors();
        var name = JobFields.Name(input.Name, errors);
        var parseType = ParseType(input.ParseType, errors);
        var source = parseType == ScrapeParseTypes.Manual ? ManualSource(input, errors) : RepositorySource(parseType, input, errors);
        var versionTransform = VersionTransformName(input.VersionTransform, errors);
        var historyLimit = HistoryLimit(input.HistoryLimit, errors);
        var labels = JobFields.Labels(input.Labels, errors);
        return errors.ToResult(() => new ScrapeJobDefinition(
            name, source.RepositoryUrl, source.Ref, source.TargetFile, parseType!, source.ParseExpression,
            source.CredentialName, source.Schedule, versionTransform, historyLimit, labels));
    }

    private static string? ParseType(string? parseType, ValidationErrors errors)
    {
        var trimmed = parseType?.Trim();
        if (trimmed is not null && ScrapeParseTypes.All.Contains(trimmed))
        {
            return trimmed;
        }
        errors.Add("parse_type", $"parse_type must be one of: {string.Join(", ", ScrapeParseTypes.All)}");
        return null;
    }

    private static Source RepositorySource(string? parseType, ScrapeJobInput input, ValidationErrors errors) => new(
        ScrapeFields.RepositoryUrl(input.RepositoryUrl, errors),
        ScrapeFields.Ref(input.Ref, errors),
        ScrapeFields.TargetFile(input.TargetFile, errors),
        ScrapeFields.ParseExpression(parseType, input.ParseExpression, errors),
        JobFields.CredentialName(input.CredentialName, errors),
        JobFields.Schedule(input.Schedule, errors));

    // The ref is ignored rather than refused: clients commonly send the default "main" for every job.
    private static Source ManualSource(ScrapeJobInput input, ValidationErrors errors)
    {
        RefuseIfPresent("repository_url", input.RepositoryUrl, errors);
        RefuseIfPresent("target_file", input.TargetFile, errors);
        RefuseIfPresent("parse_expression", input.ParseExpression, errors);
        RefuseIfPresent("credential_name", input.CredentialName, errors);
        RefuseIfPresent("schedule", input.Schedule, errors);
        return new Source(null, ScrapeJobDefinition.DefaultRef, null, null, null, null);
    }

    private static void RefuseIfPresent(string field, string? value, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, ManualHasNoRepository);
        }
    }

    private static string VersionTransformName(string? transform, ValidationErrors errors)
    {
        var trimmed = JobFields.Optional(transform) ?? VersionTransform.None;
        if (!VersionTransform.All.Contains(trimmed))
        {
            errors.Add("version_transform", $"version_transform must be one of: {string.Join(", ", VersionTransform.All)}");
        }
        return trimmed;
    }

    private static int HistoryLimit(int? historyLimit, ValidationErrors errors)
    {
        var value = historyLimit ?? ScrapeJobDefinition.DefaultHistoryLimit;
        if (value is < 1 or > ScrapeJobDefinition.MaxHistoryLimit)
        {
            errors.Add("history_limit", $"history_limit must be between 1 and {ScrapeJobDefinition.MaxHistoryLimit}");
        }
        return value;
    }

    private sealed record Source(
        string? RepositoryUrl,
        string Ref,
        string? TargetFile,
        string? ParseExpression,
        string? CredentialName,
        string? Schedule);
}
