namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>The functions a pipe can apply: <c>upper</c>, <c>lower</c> and <c>json</c> (the value as a JSON literal).</summary>
public static class TemplateFunctions
{
    public const string Upper = "upper";
    public const string Lower = "lower";
    public const string Json = "json";

    public static IReadOnlyList<string> Names { get; } = [Upper, Lower, Json];

    public static bool IsKnown(string name) => Names.Contains(name);

    internal static TemplateValue Apply(string name, TemplateValue value) => name switch
    {
        Upper => TemplateValue.Of(value.Text?.ToUpperInvariant()),
        Lower => TemplateValue.Of(value.Text?.ToLowerInvariant()),
        Json => TemplateValue.JsonLiteral(JsonText.Literal(value.Raw)),
        _ => throw new ArgumentException($"unknown template function '{name}'", nameof(name)),
    };
}
