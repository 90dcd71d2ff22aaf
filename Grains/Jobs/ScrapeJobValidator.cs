using System.Text.RegularExpressions;

namespace Planekeeper.Grains.Jobs;

public static class ScrapeJobValidator
{
    public static readonly IReadOnlyList<string> ParseTypes = ["yq", "jq", "regex", ScrapeJobDefinition.Manual];

    public const int DefaultHistoryLimit = 10;

    public static Validated<ScrapeJobDefinition> Validate(ScrapeJobInput input)
    {
        var errors = new FieldErrors();
        var name = JobFields.Name(input.Name, errors);
        var parseType = input.ParseType?.Trim() ?? "";
        if (!ParseTypes.Contains(parseType))
        {
            errors.Add("parse_type", $"parse_type must be one of {string.Join(", ", ParseTypes)}");
        }

        var transform = JobFields.Optional(input.VersionTransform) ?? VersionTransform.None;
        if (!VersionTransform.All.Contains(transform))
        {
            errors.Add("version_transform", $"version_transform must be one of {string.Join(", ", VersionTransform.All)}");
        }

        var historyLimit = input.HistoryLimit ?? DefaultHistoryLimit;
        if (historyLimit is < 1 or > 20)
        {
            errors.Add("history_limit", "history_limit must be between 1 and 20");
        }

        var labels = JobFields.Labels(input.Labels, errors);
        if (parseType == ScrapeJobDefinition.Manual)
        {
            RefuseRepositoryFields(input, errors);
            return errors.Result(() => new ScrapeJobDefinition(name, null, "main", null, parseType, null, null, null, transform, historyLimit, labels));
        }

        var repository = RepositoryField(input.RepositoryUrl, errors);
        var gitRef = RefField(input.Ref, errors);
        var targetFile = TargetFileField(input.TargetFile, errors);
        var expression = ExpressionField(parseType, input.ParseExpression, errors);
        var credential = JobFields.CredentialName(input.CredentialName, errors);
        var schedule = JobFields.Schedule(input.Schedule, errors);
        return errors.Result(() => new ScrapeJobDefinition(name, repository, gitRef, targetFile, parseType, expression, credential, schedule, transform, historyLimit, labels));
    }

    private static void RefuseRepositoryFields(ScrapeJobInput input, FieldErrors errors)
    {
        const string reason = "manual jobs have no repository; set versions with POST /scrape-jobs/{id}/set-version";
        foreach (var (field, value) in new[]
                 {
                     ("repository_url", input.RepositoryUrl), ("target_file", input.TargetFile), ("parse_expression", input.ParseExpression),
                     ("credential_name", input.CredentialName), ("schedule", input.Schedule),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, reason);
            }
        }
    }

    private static string? RepositoryField(string? url, FieldErrors errors)
    {
        var value = JobFields.Optional(url);
        if (value is null || !RepositoryUrl.IsValid(value))
        {
            errors.Add("repository_url", "repository_url must be an https:// or ssh repository address (ssh://host/path or user@host:path)");
        }

        return value;
    }

    private static string RefField(string? gitRef, FieldErrors errors)
    {
        var value = JobFields.Optional(gitRef) ?? "main";
        if (value.Length > 255 || value.Any(char.IsWhiteSpace) || value.Contains("..", StringComparison.Ordinal) || value.StartsWith('-'))
        {
            errors.Add("ref", "ref must be a branch, tag or commit (no spaces, no '..', not starting with '-')");
        }

        return value;
    }

    private static string? TargetFileField(string? path, FieldErrors errors)
    {
        var value = JobFields.Optional(path);
        if (value is null || value.Length > 1024 || value.StartsWith('/') || value.Contains('\\') || value.Split('/').Contains(".."))
        {
            errors.Add("target_file", "target_file must be a path inside the repository, such as clusters/prod/values.yaml");
        }

        return value;
    }

    private static string? ExpressionField(string parseType, string? expression, FieldErrors errors)
    {
        var value = JobFields.Optional(expression);
        if (value is null)
        {
            errors.Add("parse_expression", "parse_expression is required");
            return null;
        }

        if (parseType is "yq" or "jq" && !PathExpression.TryParse(value, out _, out var pathError))
        {
            errors.Add("parse_expression", $"parse_expression: {pathError}");
        }
        else if (parseType == "regex")
        {
            JobFields.Regex(value, "parse_expression", errors);
        }

        return value;
    }
}
