using System.Text;
using System.Text.Json;

namespace Planekeeper.WebFrontend.Pages.Alerts;

/// <summary>
/// The reason and ticket a person gives when acknowledging, as the alert's acknowledgment metadata
/// (<c>{"reason": …, "ticket": …}</c>, at most 4 KB like the API's; docs/rules-and-alerts.md).
/// </summary>
public static class AcknowledgmentNote
{
    public const int MostBytes = 4096;
    public const string TooLong = "the reason and ticket may be at most 4 KB together";

    /// <summary>The metadata JSON (null members left out), or null when it would be larger than the API accepts.</summary>
    public static string? Json(string? reason, string? ticket)
    {
        var note = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(reason))
        {
            note["reason"] = reason.Trim();
        }

        if (!string.IsNullOrWhiteSpace(ticket))
        {
            note["ticket"] = ticket.Trim();
        }

        var json = JsonSerializer.Serialize(note);
        return Encoding.UTF8.GetByteCount(json) <= MostBytes ? json : null;
    }

    /// <summary>The string members of a history entry's details, for showing (<c>reason: upgrade planned</c>).</summary>
    public static IReadOnlyList<(string Name, string Value)> Read(string? details)
    {
        if (string.IsNullOrEmpty(details))
        {
            return [];
        }

        using var document = JsonDocument.Parse(details);
        return document.RootElement.ValueKind != JsonValueKind.Object
            ? []
            : document.RootElement.EnumerateObject()
                .Where(member => member.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .Select(member => (member.Name.Replace('_', ' '), member.Value.ToString()))
                .ToList();
    }
}
