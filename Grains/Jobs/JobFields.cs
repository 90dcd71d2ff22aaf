using System.Text.RegularExpressions;
using Planekeeper.Grains.Scheduling;

namespace Planekeeper.Grains.Jobs;

/// <summary>The rules every kind of job shares: name, credential name, schedule, labels, regex fields.</summary>
internal static partial class JobFields
{
    public const int MaxLabels = 32;

    public static string Name(string? name, FieldErrors errors)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
        {
            errors.Add("name", "name is required (at most 200 characters)");
        }

        return trimmed;
    }

    public static string? CredentialName(string? credential, FieldErrors errors)
    {
        var trimmed = Optional(credential);
        if (trimmed is not null && !CredentialPattern().IsMatch(trimmed))
        {
            errors.Add("credential_name", "credential_name must be 1-100 characters of letters, digits, '_', '.' or '-'");
        }

        return trimmed;
    }

    public static string? Schedule(string? schedule, FieldErrors errors)
    {
        var trimmed = Optional(schedule);
        if (trimmed is not null && !CronSchedule.TryParse(trimmed, out _, out var error))
        {
            errors.Add("schedule", error!);
        }

        return trimmed;
    }

    public static string? Regex(string? pattern, string field, FieldErrors errors)
    {
        var value = string.IsNullOrEmpty(pattern) ? null : pattern;
        if (value is null)
        {
            return null;
        }

        try
        {
            _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            errors.Add(field, $"{field} is not a valid regular expression: {e.Message}");
        }

        return value;
    }

    public static IReadOnlyDictionary<string, string> Labels(IReadOnlyDictionary<string, string>? labels, FieldErrors errors)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (labels is null)
        {
            return result;
        }

        if (labels.Count > MaxLabels)
        {
            errors.Add("labels", $"at most {MaxLabels} labels");
        }

        foreach (var (key, value) in labels)
        {
            if (!LabelKeyPattern().IsMatch(key) || value is null || value.Length > 256)
            {
                errors.Add("labels", $"label '{key}': keys are 1-63 characters of a-z, 0-9, '_', '.', '/', '-'; values at most 256 characters");
                continue;
            }

            result[key] = value;
        }

        return result;
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex CredentialPattern();

    [GeneratedRegex("^[a-z0-9_./-]{1,63}$")]
    private static partial Regex LabelKeyPattern();
}
