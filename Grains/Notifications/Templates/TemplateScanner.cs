namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// Splits template source into text and actions as Go's <c>text/template</c> lexer does: <c>{{- </c> trims the white
/// space (space, tab, CR, LF) before the action, <c> -}}</c> the white space after it (the marker needs the space),
/// and comments <c>{{/* … */}}</c> are dropped.
/// </summary>
internal sealed class TemplateScanner(string source)
{
    private const string Open = "{{";
    private const string Close = "}}";
    private static readonly char[] Space = [' ', '\t', '\r', '\n'];

    public IEnumerable<TemplateSegment> Segments()
    {
        var position = 0;
        var trimStart = false;
        while (position <= source.Length)
        {
            var open = source.IndexOf(Open, position, StringComparison.Ordinal);
            var trimEnd = open >= 0 && IsLeftTrimMarker(open + Open.Length);
            if (Text(position, open < 0 ? source.Length : open, trimStart, trimEnd) is { } text)
            {
                yield return text;
            }

            if (open < 0)
            {
                yield break;
            }

            var start = open + Open.Length + (trimEnd ? 2 : 0);
            var (action, close, trimAfter) = IsCommentAt(start) ? Comment(open, start) : Action(open, start);
            if (action is not null)
            {
                yield return action;
            }

            position = close + Close.Length;
            trimStart = trimAfter;
        }
    }

    private TextSegment? Text(int from, int to, bool trimStart, bool trimEnd)
    {
        var text = source[from..to];
        text = trimStart ? text.TrimStart(Space) : text;
        text = trimEnd ? text.TrimEnd(Space) : text;
        return text.Length > 0 ? new TextSegment(text) : null;
    }

    private (ActionSegment? Action, int Close, bool TrimAfter) Action(int open, int start)
    {
        var close = source.IndexOf(Close, start, StringComparison.Ordinal);
        var nextOpen = source.IndexOf(Open, start, StringComparison.Ordinal);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close))
        {
            throw new TemplateSyntaxException(open, "unclosed action: {{ without }}");
        }

        var trimAfter = IsRightTrimMarker(start, close);
        return (new ActionSegment(source[start..(trimAfter ? close - 2 : close)], start), close, trimAfter);
    }

    private (ActionSegment? Action, int Close, bool TrimAfter) Comment(int open, int start)
    {
        var commentStart = SkipSpace(start);
        var end = source.IndexOf("*/", commentStart + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new TemplateSyntaxException(commentStart, "unclosed comment: /* without */");
        }

        var close = source.IndexOf(Close, end + 2, StringComparison.Ordinal);
        if (close < 0 || !IsCommentTail(source[(end + 2)..close]))
        {
            throw new TemplateSyntaxException(close < 0 ? open : end + 2, "a comment must end its action: {{/* … */}}");
        }

        return (null, close, IsRightTrimMarker(end + 2, close));
    }

    /// <summary>Between <c>*/</c> and <c>}}</c> only white space is allowed, or a right trim marker.</summary>
    private static bool IsCommentTail(string tail)
    {
        var body = tail.Length >= 2 && tail[^1] == '-' && Space.Contains(tail[^2]) ? tail[..^1] : tail;
        return body.Trim(Space).Length == 0;
    }

    private bool IsCommentAt(int start)
    {
        var at = SkipSpace(start);
        return string.CompareOrdinal(source, at, "/*", 0, 2) == 0;
    }

    private int SkipSpace(int index)
    {
        while (index < source.Length && Space.Contains(source[index]))
        {
            index++;
        }

        return index;
    }

    private bool IsLeftTrimMarker(int index) =>
        index + 1 < source.Length && source[index] == '-' && Space.Contains(source[index + 1]);

    private bool IsRightTrimMarker(int start, int close) =>
        close - 2 >= start && source[close - 1] == '-' && Space.Contains(source[close - 2]);
}
