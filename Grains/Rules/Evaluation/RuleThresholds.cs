namespace Planekeeper.Grains.Rules.Evaluation;

/// <summary>A rule's three thresholds, in the rule's unit (days, majors or minors).</summary>
public sealed record RuleThresholds(int Moderate, int High, int Critical)
{
    /// <summary>The highest threshold <paramref name="behindBy"/> reaches (inclusive); null below <see cref="Moderate"/>.</summary>
    public Severity? SeverityFor(long behindBy) =>
        behindBy >= Critical ? Severity.Critical
        : behindBy >= High ? Severity.High
        : behindBy >= Moderate ? Severity.Moderate
        : null;

    /// <summary>Field errors (<c>moderate</c>, <c>high</c>, <c>critical</c>): non-negative, and moderate ≤ high ≤ critical.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(int moderate, int high, int critical)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, value) in new[] { ("moderate", moderate), ("high", high), ("critical", critical) })
        {
            if (value < 0)
            {
                errors[field] = [$"{field} must be a whole number ≥ 0, got {value}"];
            }
        }

        if (!errors.ContainsKey("high") && high < moderate)
        {
            errors["high"] = [$"high must be ≥ moderate ({moderate}), got {high}"];
        }

        if (!errors.ContainsKey("critical") && critical < high)
        {
            errors["critical"] = [$"critical must be ≥ high ({high}), got {critical}"];
        }

        return errors;
    }
}
