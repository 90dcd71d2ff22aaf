using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>A parsed notification template; render it with a notice.</summary>
public sealed class NotificationTemplate
{
    private static readonly JsonSerializerOptions JsonLiterals = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IReadOnlyList<TemplateNode> _nodes;

    internal NotificationTemplate(IReadOnlyList<TemplateNode> nodes) => _nodes = nodes;

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
                    output.Append(Evaluate(action.Pipeline, notice, escaping));
                    break;
                case IfNode condition:
                    Write(IsTrue(TemplateFields.Read(condition.Condition.Field, notice)) ? condition.Then : condition.Else, notice, escaping, output);
                    break;
            }
        }
    }

    private static string Evaluate(Pipeline pipeline, AlertNotice notice, TemplateEscaping escaping)
    {
        var value = TemplateFields.Read(pipeline.Field, notice);
        var isJson = false;
        foreach (var function in pipeline.Functions)
        {
            (value, isJson) = function switch
            {
                "upper" => (Text(value)?.ToUpperInvariant(), false),
                "lower" => (Text(value)?.ToLowerInvariant(), false),
                _ => (JsonSerializer.Serialize(value, JsonLiterals), true),
            };
        }

        var text = isJson ? (string)value! : Text(value) ?? "";
        return escaping == TemplateEscaping.Json && !isJson ? JsonStringContent(text) : text;
    }

    /// <summary>The characters of a JSON string literal, without its quotes.</summary>
    private static string JsonStringContent(string text) => JsonSerializer.Serialize(text, JsonLiterals)[1..^1];

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        long number => number != 0,
        string text => text.Length > 0,
        _ => true,
    };
}
