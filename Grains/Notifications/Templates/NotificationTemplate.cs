using System.Text;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// A notification template in the Go <c>text/template</c> subset of SPEC §4, parsed and checked; render it with a
/// notice. See <see cref="TemplateFields"/> for the variables and <see cref="TemplateFunctions"/> for the pipes.
/// </summary>
public sealed class NotificationTemplate
{
    private readonly IReadOnlyList<TemplateNode> _nodes;

    internal NotificationTemplate(IReadOnlyList<TemplateNode> nodes) => _nodes = nodes;

    /// <summary>Parses <paramref name="source"/>; syntax errors and unknown variables or functions come back positioned.</summary>
    public static TemplateParseResult Parse(string source) => new TemplateParser(source).Parse();

    public string Render(AlertNotice notice, TemplateEscaping escaping)
    {
        var output = new StringBuilder();
        Write(_nodes, notice, escaping, output);
        return output.ToString();
    }

    private static void Write(IReadOnlyList<TemplateNode> nodes, AlertNotice notice, TemplateEscaping escaping, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case ActionNode action:
                    output.Append(Evaluate(action.Pipeline, notice).Write(escaping));
                    break;
                case IfNode condition:
                    Write(Evaluate(condition.Condition, notice).IsTrue ? condition.Then : condition.Else, notice, escaping, output);
                    break;
            }
        }
    }

    private static TemplateValue Evaluate(Pipeline pipeline, AlertNotice notice) =>
        pipeline.Functions.Aggregate(TemplateValue.Of(TemplateFields.Read(pipeline.Field, notice)), (value, function) => TemplateFunctions.Apply(function, value));
}
