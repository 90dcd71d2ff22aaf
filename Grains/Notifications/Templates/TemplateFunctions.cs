namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>The functions a pipe can apply: <c>upper</c>, <c>lower</c> and <c>json</c> (the value as a JSON literal).</summary>
public static class TemplateFunctions
{
    public const string Upper = "upper";
    public const string Lower = "lower";
    public const string Json = "json";

    public static IReadOnlyList<string> Names { get; } = [Upper, Lower, Json];

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>What the function does, in a phrase, and an action that uses it (shown beside the template editor).</summary>
    public static (string Description, string Example) Describe(string name) => name switch
    {
        Upper => ("the text in capitals", "{{.Alert.Severity | upper}}"),
        Lower => ("the text in small letters", "{{.Alert.ConfigName | lower}}"),
        Json => ("the value as a complete JSON literal (a quoted, escaped text, a number, true or false, or null when missing): for webhook bodies", "{{.Alert.LatestVersion | json}}"),
        _ => throw new ArgumentException($"unknown template function '{name}'", nameof(name)),
    };

    internal static TemplateValue Apply(string name, TemplateValue value) => name switch
    {
        Upper => TemplateValue.Of(value.Text?.ToUpperInvariant()),
        Lower => TemplateValue.Of(value.Text?.ToLowerInvariant()),
        Json => TemplateValue.JsonLiteral(JsonText.Literal(value.Raw)),
        _ => throw new ArgumentException($"unknown template function '{name}'", nameof(name)),
    };
}
