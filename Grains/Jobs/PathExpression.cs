using System.Text;

namespace Planekeeper.Grains.Jobs;

/// <summary>One step of a path: a key of a map or an index of a list.</summary>
public sealed record PathSegment(string? Key, int? Index)
{
    public static PathSegment ForKey(string key) => new(key, null);

    public static PathSegment ForIndex(int index) => new(null, index);
}

/// <summary>
/// The path language of <c>yq</c> and <c>jq</c> scrape jobs: <c>.version</c>, <c>.dependencies[0].version</c>,
/// <c>.["app.kubernetes.io/version"]</c>. Validation and the agent's evaluation share this parser.
/// </summary>
public static class PathExpression
{
    public static bool TryParse(string? expression, out IReadOnlyList<PathSegment> segments, out string? error)
    {
        var parsed = new List<PathSegment>();
        segments = parsed;
        error = Parse(expression ?? "", parsed);
        return error is null;
    }

    private static string? Parse(string text, List<PathSegment> segments)
    {
        if (!text.StartsWith('.'))
        {
            return "a path starts with '.' (for example .image.tag)";
        }

        var position = 0;
        while (position < text.Length)
        {
            var error = text[position] switch
            {
                '.' when position + 1 < text.Length && text[position + 1] == '[' => Step(ref position, 1),
                '.' => Key(text, ref position, segments),
                '[' => Bracket(text, ref position, segments),
                var other => $"unexpected '{other}' at position {position + 1}",
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Step(ref int position, int length)
    {
        position += length;
        return null;
    }

    private static string? Key(string text, ref int position, List<PathSegment> segments)
    {
        var start = ++position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '-'))
        {
            position++;
        }

        if (position == start)
        {
            return $"expected a key after '.' at position {start + 1}";
        }

        segments.Add(PathSegment.ForKey(text[start..position]));
        return null;
    }

    private static string? Bracket(string text, ref int position, List<PathSegment> segments)
    {
        var open = position++;
        if (position < text.Length && text[position] is '"' or '\'')
        {
            return QuotedKey(text, ref position, segments, open);
        }

        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        if (position == start || position >= text.Length || text[position] != ']' || !int.TryParse(text[start..position], out var index))
        {
            return $"expected an index such as [0] or a quoted key such as [\"a.b\"] at position {open + 1}";
        }

        position++;
        segments.Add(PathSegment.ForIndex(index));
        return null;
    }

    private static string? QuotedKey(string text, ref int position, List<PathSegment> segments, int open)
    {
        var quote = text[position++];
        var key = new StringBuilder();
        while (position < text.Length && text[position] != quote)
        {
            key.Append(text[position++]);
        }

        if (position + 1 >= text.Length || text[position + 1] != ']')
        {
            return $"unterminated quoted key starting at position {open + 1}";
        }

        position += 2;
        segments.Add(PathSegment.ForKey(key.ToString()));
        return null;
    }
}
