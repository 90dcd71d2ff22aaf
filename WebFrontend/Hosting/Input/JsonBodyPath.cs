using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Planekeeper.WebFrontend.Hosting.Input;

/// <summary>
/// A JSON path as System.Text.Json reports it (<c>$.labels['a b']</c>, <c>$.ids[3]</c>): the field name an error
/// shows (<c>labels.a b</c>, <c>ids[3]</c>; the whole body is <c>body</c>) and the .NET type the API expected there.
/// </summary>
public static partial class JsonBodyPath
{
    /// <param name="depth">How many levels of the path to keep (a nesting error keeps only the field it started in).</param>
    public static string FieldName(string? path, int depth = int.MaxValue)
    {
        var segments = Segments(path).Take(depth).ToList();
        if (segments.Count == 0)
        {
            return JsonBodyFilter.BodyField;
        }

        var field = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            field.Append(segment.Index is { } index ? $"[{index}]" : (field.Length == 0 ? "" : ".") + segment.Name);
        }

        return field.ToString();
    }

    /// <summary>The type expected at <paramref name="path"/> inside <paramref name="root"/>, or null when the path leaves the type.</summary>
    public static Type? ExpectedType(Type root, string? path, JsonSerializerOptions options)
    {
        Type? current = root;
        foreach (var segment in Segments(path))
        {
            current = current is null ? null : Child(options.GetTypeInfo(Nullable.GetUnderlyingType(current) ?? current), segment, options);
        }

        return current;
    }

    private static Type? Child(JsonTypeInfo info, Segment segment, JsonSerializerOptions options) => info.Kind switch
    {
        JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => info.ElementType,
        JsonTypeInfoKind.Object when segment.Name is { } name => info.Properties
            .FirstOrDefault(p => string.Equals(p.Name, name, options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            ?.PropertyType,
        _ => null,
    };

    private sealed record Segment(string? Name, int? Index);

    private static List<Segment> Segments(string? path)
    {
        var segments = new List<Segment>();
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return segments;
        }

        foreach (Match match in SegmentPattern().Matches(path, 1))
        {
            segments.Add(match.Groups["index"].Success
                ? new Segment(null, int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))
                : new Segment(match.Groups["dotted"].Success ? match.Groups["dotted"].Value : match.Groups["quoted"].Value, null));
        }

        return segments;
    }

    [GeneratedRegex(@"\.(?<dotted>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex SegmentPattern();
}
