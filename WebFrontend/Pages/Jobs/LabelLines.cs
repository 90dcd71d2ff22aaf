namespace Planekeeper.WebFrontend.Pages.Jobs;

/// <summary>A job's labels as the job forms show them: one <c>key: value</c> per line.</summary>
public static class LabelLines
{
    public const string Problem = "write one label per line as key: value";

    public static string Format(IReadOnlyDictionary<string, string> labels) =>
        string.Join('\n', labels.Select(label => $"{label.Key}: {label.Value}"));

    /// <summary>The labels, or null when a line is not <c>key: value</c>.</summary>
    public static IReadOnlyDictionary<string, string>? Parse(string? lines)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (lines ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon < 1)
            {
                return null;
            }

            labels[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return labels;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
