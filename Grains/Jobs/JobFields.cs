using System.Text.RegularExpressions;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

/// <summary>Rules shared by every kind of job definition. Each returns the normalized value and records errors under the field's API name.</summary>
internal static partial class JobFields
{
    public const int MaxLabels = 32;

    public static string Name(string? name, ValidationErrors errors)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add("name", "name is required");
        }
        else if (trimmed.Length > 200)
        {
            errors.Add("name", "name must be at most 200 characters");
        }
        return trimmed;
    }

    public static string? CredentialName(string? credentialName, ValidationErrors errors)
    {
        var trimmed = Optional(credentialName);
        if (trimmed is not null && !CredentialNamePattern().IsMatch(trimmed))
        {
            errors.Add("credential_name", "credential_name must be 1-100 characters of letters, digits, '_', '.' or '-'");
        }
        return trimmed;
    }

    /// <summary>The normalized cron expression, or null for a job that runs once.</summary>
    public static string? Schedule(string? schedule, ValidationErrors errors)
    {
        var trimmed = Optional(schedule);
        if (trimmed is null)
        {
            return null;
        }
        if (!CronSchedule.TryParse(trimmed, out var parsed, out var error))
        {
            errors.Add("schedule", error);
            return trimmed;
        }
        return parsed.Expression;
    }

    public static IReadOnlyDictionary<string, string> Labels(IReadOnlyDictionary<string, string>? labels, ValidationErrors errors)
    {
        if (labels is null)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
        if (labels.Count > MaxLabels)
        {
            errors.Add("labels", $"labels may have at most {MaxLabels} entries");
        }
        foreach (var (key, value) in labels)
        {
            CheckLabel(key, value, errors);
        }
        return new Dictionary<string, string>(labels, StringComparer.Ordinal);
    }

    /// <summary>An optional .NET regular expression: null when absent, recorded as an error when it does not compile.</summary>
    public static string? Pattern(string field, string? pattern, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }
        if (PatternProblem(field, pattern) is { } problem)
        {
            errors.Add(field, problem);
        }
        return pattern;
    }

    /// <summary>Why <paramref name="pattern"/> cannot be a job's regular expression, or null when it can.</summary>
    public static string? PatternProblem(string field, string pattern) =>
        pattern.Length > PatternLimits.MaxLength ? $"{field} must be at most {PatternLimits.MaxLength} characters"
        : TryCompile(pattern, out var error) ? null
        : $"{field} is not a valid regular expression: {error}";

    private static bool TryCompile(string pattern, out string? error)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>The trimmed value, or null when it is null, empty or only whitespace.</summary>
    public static string? Optional(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static void CheckLabel(string key, string? value, ValidationErrors errors)
    {
        if (!LabelKeyPattern().IsMatch(key))
        {
            errors.Add("labels", $"label key '{key}' must be 1-63 characters of lowercase letters, digits, '_', '.', '/' or '-'");
        }
        if (value is null)
        {
            errors.Add("labels", $"label '{key}' must have a value");
        }
        else if (value.Length > 256)
        {
            errors.Add("labels", $"label '{key}' value must be at most 256 characters");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,100}\z")]
    private static partial Regex CredentialNamePattern();

    [GeneratedRegex(@"^[a-z0-9_./\-]{1,63}\z")]
    private static partial Regex LabelKeyPattern();
}
