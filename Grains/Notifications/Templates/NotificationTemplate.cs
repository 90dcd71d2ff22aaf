using System.Text;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// A notification template in the Go <c>text/template</c> subset (docs/notifications.md, "Templates"), parsed and
/// checked; render it with a notice. See <see cref="TemplateFields"/> for the variables and
/// <see cref="TemplateFunctions"/> for the pipes.
/// </summary>
public sealed class NotificationTemplate
{
    private readonly IReadOnlyList<TemplateNode> _nodes;

    internal NotificationTemplate(IReadOnlyList<TemplateNode> nodes) => _nodes = nodes;

    /// <summary>Parses <paramref name="source"/>; syntax errors and unknown variables or functions come back positioned.</summary>
    public static TemplateParseResult Parse(string source) => new TemplateParser(source).Parse();

    /// <summary>Walks the tree with a stack of its own, so no nesting a parse accepts can exhaust the thread's stack.</summary>
    public string Render(AlertNotice notice, TemplateEscaping escaping)
    {
        var output = new StringBuilder();
        var pending = new Stack<IEnumerator<TemplateNode>>();
        pending.Push(_nodes.GetEnumerator());
        while (pending.TryPeek(out var nodes))
        {
            if (!nodes.MoveNext())
            {
                pending.Pop();
                continue;
            }

            switch (nodes.Current)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case ActionNode action:
                    output.Append(Evaluate(action.Pipeline, notice).Write(escaping));
                    break;
                case IfNode condition:
                    pending.Push((Evaluate(condition.Condition, notice).IsTrue ? condition.Then : condition.Else).GetEnumerator());
                    break;
            }
        }

        return output.ToString();
    }

    private static TemplateValue Evaluate(Pipeline pipeline, AlertNotice notice) =>
        pipeline.Functions.Aggregate(TemplateValue.Of(TemplateFields.Read(pipeline.Field, notice)), (value, function) => TemplateFunctions.Apply(function, value));
}
