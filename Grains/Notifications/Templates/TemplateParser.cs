namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// Parses the Go <c>text/template</c> subset of SPEC §4: text, <c>{{.Field}}</c> with pipes (<c>upper</c>,
/// <c>lower</c>, <c>json</c>), <c>{{if}}…{{else}}…{{end}}</c>, comments, and the <c>{{-</c> / <c>-}}</c> trim markers.
/// Unknown fields and functions are parse errors, so a template is checked completely when it is saved.
/// </summary>
internal sealed class TemplateParser(string source)
{
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal) { "upper", "lower", "json" };

    private sealed class ParseException(int index, string message) : Exception(message)
    {
        public int Index { get; } = index;
    }

    private sealed record Frame(int Index, Pipeline Condition)
    {
        public List<TemplateNode> Then { get; } = [];
        public List<TemplateNode>? Else { get; set; }
        public List<TemplateNode> Current => Else ?? Then;
    }

    private readonly List<int> _lineStarts = LineStarts(source);

    public TemplateParseResult Parse()
    {
        try
        {
            return new TemplateParseResult(new NotificationTemplate(ParseNodes()), null);
        }
        catch (ParseException e)
        {
            var (line, column) = Position(e.Index);
            return new TemplateParseResult(null, new TemplateError(line, column, e.Message));
        }
    }

    private List<TemplateNode> ParseNodes()
    {
        var root = new List<TemplateNode>();
        var open = new Stack<Frame>();
        var position = 0;
        var trimNext = false;
        while (position < source.Length)
        {
            var start = source.IndexOf("{{", position, StringComparison.Ordinal);
            var text = source[position..(start < 0 ? source.Length : start)];
            var trimBefore = start >= 0 && start + 3 < source.Length && source[start + 2] == '-' && char.IsWhiteSpace(source[start + 3]);
            text = trimNext ? text.TrimStart() : text;
            text = trimBefore ? text.TrimEnd() : text;
            if (text.Length > 0)
            {
                Add(root, open, new TextNode(text));
            }

            if (start < 0)
            {
                break;
            }

            var end = source.IndexOf("}}", start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new ParseException(start, "unclosed action: {{ without }}");
            }

            var trimAfter = end - 1 > start + 2 && source[end - 1] == '-' && char.IsWhiteSpace(source[end - 2]);
            var contentStart = start + (trimBefore ? 3 : 2);
            var content = source[contentStart..(trimAfter ? end - 1 : end)];
            Action(content, contentStart, root, open);
            position = end + 2;
            trimNext = trimAfter;
        }

        if (open.Count > 0)
        {
            throw new ParseException(open.Peek().Index, "{{if}} without {{end}}");
        }

        return root;
    }

    private void Action(string content, int index, List<TemplateNode> root, Stack<Frame> open)
    {
        var trimmed = content.Trim();
        var at = index + content.IndexOf(trimmed, StringComparison.Ordinal);
        if (trimmed.StartsWith("/*", StringComparison.Ordinal))
        {
            if (!trimmed.EndsWith("*/", StringComparison.Ordinal))
            {
                throw new ParseException(at, "unclosed comment: /* without */");
            }

            return;
        }

        var word = trimmed.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        switch (word)
        {
            case null:
                throw new ParseException(index, "empty action {{}}");
            case "if":
                open.Push(new Frame(at, ParsePipeline(trimmed[2..], at + 2)));
                break;
            case "else":
                Else(trimmed, at, open);
                break;
            case "end":
                End(trimmed, at, root, open);
                break;
            default:
                Add(root, open, new ActionNode(ParsePipeline(trimmed, at)));
                break;
        }
    }

    private static void Else(string trimmed, int at, Stack<Frame> open)
    {
        if (trimmed != "else")
        {
            throw new ParseException(at, "{{else}} takes nothing after it (else if is not supported)");
        }

        if (open.Count == 0)
        {
            throw new ParseException(at, "{{else}} without {{if}}");
        }

        if (open.Peek().Else is not null)
        {
            throw new ParseException(at, "a second {{else}} in one {{if}}");
        }

        open.Peek().Else = [];
    }

    private static void End(string trimmed, int at, List<TemplateNode> root, Stack<Frame> open)
    {
        if (trimmed != "end")
        {
            throw new ParseException(at, "{{end}} takes nothing after it");
        }

        if (open.Count == 0)
        {
            throw new ParseException(at, "{{end}} without {{if}}");
        }

        var frame = open.Pop();
        Add(root, open, new IfNode(frame.Condition, frame.Then, frame.Else ?? []));
    }

    private static Pipeline ParsePipeline(string text, int index)
    {
        var parts = text.Split('|');
        var field = parts[0].Trim();
        var fieldAt = index + parts[0].IndexOf(field, StringComparison.Ordinal);
        if (field.Length == 0)
        {
            throw new ParseException(index, "missing value: expected a field such as .Alert.Severity");
        }

        if (!field.StartsWith('.') || !TemplateFields.IsKnown(field[1..]))
        {
            throw new ParseException(fieldAt, field.StartsWith('.')
                ? $"unknown field {field}"
                : $"unknown value '{field}': fields start with a dot, e.g. .Alert.Severity");
        }

        var functions = new List<string>();
        var offset = index + parts[0].Length + 1;
        foreach (var part in parts.Skip(1))
        {
            var name = part.Trim();
            if (!Functions.Contains(name))
            {
                throw new ParseException(offset + Math.Max(0, part.IndexOf(name, StringComparison.Ordinal)),
                    name.Length == 0 ? "missing function after |" : $"unknown function '{name}' (upper, lower and json are known)");
            }

            functions.Add(name);
            offset += part.Length + 1;
        }

        return new Pipeline(field[1..], functions);
    }

    private static void Add(List<TemplateNode> root, Stack<Frame> open, TemplateNode node) =>
        (open.Count > 0 ? open.Peek().Current : root).Add(node);

    private (int Line, int Column) Position(int index)
    {
        var line = _lineStarts.FindLastIndex(start => start <= index);
        return (line + 1, index - _lineStarts[line] + 1);
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
