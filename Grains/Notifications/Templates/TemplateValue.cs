using System.Globalization;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// A value moving through a pipeline: a variable's string, number, boolean or null, or the text of a JSON literal
/// made by the <c>json</c> function (written as it is, never escaped again).
/// </summary>
internal readonly record struct TemplateValue(object? Raw, bool IsJsonLiteral)
{
    public static TemplateValue Of(object? raw) => new(raw, false);

    public static TemplateValue JsonLiteral(string json) => new(json, true);

    /// <summary>The value as text; null stays null.</summary>
    public string? Text => Raw switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Raw.ToString(),
    };

    /// <summary>Go's truth: false, 0, the empty string and null are false; everything else is true.</summary>
    public bool IsTrue => Raw switch
    {
        null => false,
        bool flag => flag,
        long number => number != 0,
        string text => text.Length > 0,
        _ => true,
    };

    /// <summary>What an action writes: null as empty text, and in JSON mode a plain value escaped for a JSON string.</summary>
    public string Write(TemplateEscaping escaping)
    {
        var text = Text ?? "";
        return escaping == TemplateEscaping.Json && !IsJsonLiteral ? JsonText.StringContent(text) : text;
    }
}
