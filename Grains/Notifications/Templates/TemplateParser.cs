namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// Builds the node tree of a template from its segments: nests <c>{{if}}</c> / <c>{{else if}}</c> / <c>{{else}}</c> /
/// <c>{{end}}</c>, and turns the first error into a <see cref="TemplateError"/> with its line and column.
/// </summary>
internal sealed class TemplateParser(string source)
{
    /// <summary>An open <c>{{if}}</c>; <see cref="Chained"/> when it is the <c>{{else if}}</c> of the frame below it.</summary>
    private sealed record Frame(int Index, Pipeline Condition, bool Chained)
    {
        public List<TemplateNode> Then { get; } = [];
        public List<TemplateNode>? Else { get; set; }
        public List<TemplateNode> Current => Else ?? Then;
        public IfNode Node => new(Condition, Then, Else ?? []);
    }

    private readonly List<TemplateNode> _root = [];
    private readonly Stack<Frame> _open = new();
    private int _nesting;

    public TemplateParseResult Parse()
    {
        try
        {
            return new TemplateParseResult(new NotificationTemplate(Nodes()), null);
        }
        catch (TemplateSyntaxException e)
        {
            var (line, column) = new SourcePositions(source).Of(e.Index);
            return new TemplateParseResult(null, new TemplateError(line, column, e.Message));
        }
    }

    private List<TemplateNode> Nodes()
    {
        if (source.Length > TemplateLimits.MaxLength)
        {
            throw new TemplateSyntaxException(TemplateLimits.MaxLength,
                $"the template is {source.Length} characters long; at most {TemplateLimits.MaxLength} are allowed");
        }

        foreach (var segment in new TemplateScanner(source).Segments())
        {
            switch (segment)
            {
                case TextSegment text:
                    Add(new TextNode(text.Text));
                    break;
                case ActionSegment action:
                    Apply(ActionParser.Parse(action));
                    break;
            }
        }

        return _open.TryPeek(out var unclosed) ? throw new TemplateSyntaxException(unclosed.Index, "{{if}} without {{end}}") : _root;
    }

    private void Apply(ParsedAction action)
    {
        switch (action.Kind)
        {
            case ActionKind.If:
                Open(action);
                break;
            case ActionKind.ElseIf:
                StartElse(action);
                _open.Push(new Frame(action.Index, action.Pipeline!, Chained: true));
                break;
            case ActionKind.Else:
                StartElse(action);
                break;
            case ActionKind.End:
                End(action);
                break;
            default:
                Add(new ActionNode(action.Pipeline!));
                break;
        }
    }

    private void Open(ParsedAction action)
    {
        if (++_nesting > TemplateLimits.MaxNesting)
        {
            throw new TemplateSyntaxException(action.Index, $"{{{{if}}}} nested more than {TemplateLimits.MaxNesting} deep");
        }

        _open.Push(new Frame(action.Index, action.Pipeline!, Chained: false));
    }

    private void StartElse(ParsedAction action)
    {
        if (!_open.TryPeek(out var frame))
        {
            throw new TemplateSyntaxException(action.Index, "{{else}} without {{if}}");
        }

        if (frame.Else is not null)
        {
            throw new TemplateSyntaxException(action.Index, "a second {{else}} in one {{if}}");
        }

        frame.Else = [];
    }

    /// <summary>Closes the innermost <c>{{if}}</c> and the <c>{{else if}}</c> chain it ends.</summary>
    private void End(ParsedAction action)
    {
        if (_open.Count == 0)
        {
            throw new TemplateSyntaxException(action.Index, "{{end}} without {{if}}");
        }

        _nesting--;
        Frame frame;
        do
        {
            frame = _open.Pop();
            Add(frame.Node);
        }
        while (frame.Chained);
    }

    private void Add(TemplateNode node) => (_open.TryPeek(out var frame) ? frame.Current : _root).Add(node);
}
