namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// Parses <c>.Field</c>, <c>.Field | fn | fn</c> or <c>fn .Field | fn</c> (Go's call form) into a <see cref="Pipeline"/>.
/// Unknown variables and functions are errors here, so a template is checked completely before it is saved.
/// </summary>
internal static class PipelineParser
{
    private const string Known = "upper, lower and json are known";

    /// <param name="tokens">The pipeline's tokens.</param>
    /// <param name="missingAt">Where to report a pipeline without a value.</param>
    /// <param name="missing">The message for a pipeline without a value.</param>
    public static Pipeline Parse(IReadOnlyList<ActionToken> tokens, int missingAt, string missing)
    {
        var commands = Commands(tokens);
        var (field, functions) = First(commands[0].Tokens, commands.Count > 1 ? commands[1].Pipe.Index : missingAt, missing);
        foreach (var (pipe, command) in commands.Skip(1))
        {
            functions.Add(Piped(pipe, command));
        }

        return new Pipeline(field, functions);
    }

    private static List<(ActionToken Pipe, List<ActionToken> Tokens)> Commands(IReadOnlyList<ActionToken> tokens)
    {
        var commands = new List<(ActionToken Pipe, List<ActionToken> Tokens)> { (default, []) };
        foreach (var token in tokens)
        {
            if (token.IsPipe)
            {
                commands.Add((token, []));
            }
            else
            {
                commands[^1].Tokens.Add(token);
            }
        }

        return commands;
    }

    private static (string Field, List<string> Functions) First(List<ActionToken> command, int missingAt, string missing)
    {
        if (command.Count == 0)
        {
            throw new TemplateSyntaxException(missingAt, missing);
        }

        var head = command[0];
        if (head.IsField)
        {
            NothingAfter(command, 1, head.Text);
            return (Field(head), []);
        }

        if (!TemplateFunctions.IsKnown(head.Text))
        {
            throw Unknown(head);
        }

        return (Argument(command, head), [head.Text]);
    }

    /// <summary>The variable of Go's call form <c>upper .Alert.Severity</c>.</summary>
    private static string Argument(List<ActionToken> command, ActionToken function)
    {
        if (command.Count == 1)
        {
            throw new TemplateSyntaxException(function.Index,
                $"{function.Text} needs a value, e.g. {function.Text} .Alert.Severity or .Alert.Severity | {function.Text}");
        }

        if (!command[1].IsField)
        {
            throw Unknown(command[1]);
        }

        NothingAfter(command, 2, $"{function.Text} {command[1].Text}");
        return Field(command[1]);
    }

    private static string Piped(ActionToken pipe, List<ActionToken> command)
    {
        if (command.Count == 0)
        {
            throw new TemplateSyntaxException(pipe.Index, $"missing function after | ({Known})");
        }

        var function = command[0];
        if (function.IsField)
        {
            throw new TemplateSyntaxException(function.Index, $"a variable cannot follow |: expected a function ({Known})");
        }

        if (!TemplateFunctions.IsKnown(function.Text))
        {
            throw new TemplateSyntaxException(function.Index, $"unknown function '{function.Text}' ({Known})");
        }

        NothingAfter(command, 1, function.Text);
        return function.Text;
    }

    private static void NothingAfter(List<ActionToken> command, int count, string what)
    {
        if (command.Count <= count)
        {
            return;
        }

        var extra = command[count];
        throw new TemplateSyntaxException(extra.Index, TemplateFunctions.IsKnown(extra.Text)
            ? $"unexpected '{extra.Text}' after {what}: apply a function with a pipe, e.g. {what} | {extra.Text}"
            : $"unexpected '{extra.Text}' after {what}: an action holds one variable and its pipes, e.g. .Alert.Severity | upper");
    }

    private static string Field(ActionToken token)
    {
        var path = token.Text[1..];
        if (TemplateFields.IsKnown(path))
        {
            return path;
        }

        var hint = TemplateFields.Closest(path) is { } closest ? $" (did you mean .{closest}?)" : "";
        throw new TemplateSyntaxException(token.Index, $"unknown field {token.Text}{hint}");
    }

    private static TemplateSyntaxException Unknown(ActionToken token)
    {
        var text = token.Text;
        var message = TemplateFields.IsKnown(text) || (text.Contains('.') && IsName(text.Replace(".", "")))
            ? $"unknown value '{text}': variables start with a dot, e.g. .{(TemplateFields.IsKnown(text) ? text : "Alert.Severity")}"
            : IsName(text)
                ? $"unknown function '{text}' ({Known})"
                : $"unexpected '{text}': expected a variable such as .Alert.Severity";
        return new TemplateSyntaxException(token.Index, message);
    }

    private static bool IsName(string text) => text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c == '_');
}
