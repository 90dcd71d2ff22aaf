namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>Parses the inside of one action: <c>if</c>, <c>else</c>, <c>else if</c>, <c>end</c>, or a pipeline to write.</summary>
internal static class ActionParser
{
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "range", "with", "define", "template", "block", "break", "continue",
    };

    public static ParsedAction Parse(ActionSegment action)
    {
        var tokens = ActionToken.Read(action.Content, action.Index);
        if (tokens.Count == 0)
        {
            throw new TemplateSyntaxException(action.Index, "empty action: expected a variable such as {{.Alert.Severity}}");
        }

        var first = tokens[0];
        return first.Text switch
        {
            "if" => new ParsedAction(ActionKind.If, first.Index, Condition(tokens, 1, "{{if}}")),
            "else" => Else(tokens),
            "end" => End(tokens),
            _ when Unsupported.Contains(first.Text) => throw new TemplateSyntaxException(first.Index,
                "{{" + first.Text + "}} is not supported: templates have {{if}}, {{else}}, {{else if}} and {{end}}"),
            _ => new ParsedAction(ActionKind.Output, first.Index,
                PipelineParser.Parse(tokens, first.Index, "missing value: expected a variable such as .Alert.Severity")),
        };
    }

    private static Pipeline Condition(List<ActionToken> tokens, int skip, string keyword) =>
        PipelineParser.Parse(tokens[skip..], tokens[skip - 1].Index, $"{keyword} needs a condition, e.g. {keyword[..^2]} .IsAcknowledged}}}}");

    private static ParsedAction Else(List<ActionToken> tokens)
    {
        if (tokens.Count == 1)
        {
            return new ParsedAction(ActionKind.Else, tokens[0].Index, null);
        }

        return tokens[1].Text == "if"
            ? new ParsedAction(ActionKind.ElseIf, tokens[0].Index, Condition(tokens, 2, "{{else if}}"))
            : throw new TemplateSyntaxException(tokens[1].Index, "{{else}} takes nothing after it, except if: {{else if .IsAcknowledged}}");
    }

    private static ParsedAction End(List<ActionToken> tokens) => tokens.Count == 1
        ? new ParsedAction(ActionKind.End, tokens[0].Index, null)
        : throw new TemplateSyntaxException(tokens[1].Index, "{{end}} takes nothing after it");
}
