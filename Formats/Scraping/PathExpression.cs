using System.Text;

namespace Planekeeper.Scraping;

/// <summary>
/// The subset of yq/jq path syntax a scrape job may use: a leading '.', then segments <c>.name</c>,
/// <c>[N]</c> and <c>["quoted key"]</c> / <c>['quoted key']</c> (a bracket may also follow a '.').
/// Shared by validation and by the agent that walks YAML/JSON documents.
/// </summary>
public static class PathExpression
{
    public static bool TryParse(string expression, out IReadOnlyList<PathSegment> segments, out string? error)
    {
        var parser = new Parser(expression);
        error = parser.Parse();
        segments = error is null ? parser.Segments : [];
        return error is null;
    }

    private sealed class Parser(string text)
    {
        private int index;

        public List<PathSegment> Segments { get; } = [];

        /// <summary>Null on success; otherwise the error, naming a 1-based character position.</summary>
        public string? Parse()
        {
            if (text.Length == 0 || text[0] != '.')
            {
                return At(0, "expected '.' at the start");
            }
            if (text.Length == 1)
            {
                return At(1, "expected a name or '[' after '.'; '.' alone selects the whole document");
            }
            while (index < text.Length)
            {
                var error = Segment();
                if (error is not null)
                {
                    return error;
                }
            }
            return null;
        }

        private string? Segment()
        {
            if (text[index] == '[')
            {
                return Bracket();
            }
            if (text[index] != '.')
            {
                return At(index, $"unexpected '{text[index]}'; expected '.' or '['");
            }
            index++;
            if (index < text.Length && text[index] == '[')
            {
                return Bracket();
            }
            return Name();
        }

        private string? Name()
        {
            var start = index;
            while (index < text.Length && IsNameChar(text[index]))
            {
                index++;
            }
            if (index == start)
            {
                return index < text.Length
                    ? At(index, $"unexpected '{text[index]}'; expected a name of letters, digits, '_' or '-'")
                    : At(index, "expected a name after '.'");
            }
            Segments.Add(new KeySegment(text[start..index]));
            return null;
        }

        private string? Bracket()
        {
            index++;
            if (index >= text.Length)
            {
                return At(index, "expected an index or a quoted key after '['");
            }
            var error = text[index] is '"' or '\'' ? QuotedKey() : Index();
            if (error is not null)
            {
                return error;
            }
            if (index >= text.Length || text[index] != ']')
            {
                return At(index, "expected ']'");
            }
            index++;
            return null;
        }

        private string? Index()
        {
            var start = index;
            while (index < text.Length && char.IsAsciiDigit(text[index]))
            {
                index++;
            }
            if (index == start)
            {
                return At(start, "expected a non-negative index or a quoted key after '['");
            }
            if (!int.TryParse(text.AsSpan(start, index - start), out var value))
            {
                return At(start, "index is too large");
            }
            Segments.Add(new IndexSegment(value));
            return null;
        }

        private string? QuotedKey()
        {
            var quote = text[index];
            var start = index;
            var key = new StringBuilder();
            index++;
            while (index < text.Length && text[index] != quote)
            {
                // A backslash escapes the quote character or another backslash.
                if (text[index] == '\\' && index + 1 < text.Length && (text[index + 1] == quote || text[index + 1] == '\\'))
                {
                    index++;
                }
                key.Append(text[index]);
                index++;
            }
            if (index >= text.Length)
            {
                return At(start, "unterminated quoted key");
            }
            index++;
            Segments.Add(new KeySegment(key.ToString()));
            return null;
        }

        private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

        private static string At(int zeroBasedIndex, string message) => $"{message} (position {zeroBasedIndex + 1})";
    }
}
