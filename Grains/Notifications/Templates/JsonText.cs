using System.Text.Encodings.Web;
using System.Text.Json;

namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>JSON text of template values: complete literals, and the escaped characters of a string without its quotes.</summary>
internal static class JsonText
{
    // Relaxed: '<', '&', '\'' and non-ASCII letters stay readable; quotes, backslashes and control characters are escaped.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON literal: <c>"text"</c>, <c>2</c>, <c>true</c> or <c>null</c>.</summary>
    public static string Literal(object? value) => JsonSerializer.Serialize(value, Options);

    /// <summary>What goes between the quotes of a JSON string holding <paramref name="text"/>.</summary>
    public static string StringContent(string text) => JsonSerializer.Serialize(text, Options)[1..^1];
}
