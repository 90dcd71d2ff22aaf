using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Planekeeper.WebFrontend.Hosting.Input;

/// <summary>
/// What a bound JSON body may not hold although it deserializes: a NUL character in a string (PostgreSQL's text and
/// jsonb cannot store one), text that is not Unicode inside a free-form JSON value (a lone surrogate such as
/// <c>"\ud800"</c>, which fails only when the value is read later) and a <c>null</c> item in a list (no list of the API
/// has optional items). Finds the first, with its field as a client wrote it (<c>credentials[0]</c>, <c>labels.team</c>).
/// </summary>
public static class BodyInspection
{
    public sealed record Finding(string Field, string Message);

    private const string NoNul = "must not contain NUL characters (\\u0000)";

    public static Finding? FirstProblem(object? body, JsonSerializerOptions options) => Inspect(body, "", options, depth: 0);

    private static Finding? Inspect(object? value, string field, JsonSerializerOptions options, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text.Contains('\0') ? new Finding(Name(field), NoNul) : null;
            case JsonElement element:
                return UnstorableText(element) ? new Finding(Name(field), "must hold only Unicode text without NUL characters (\\u0000)") : null;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal or DateTimeOffset or DateTime or Guid || depth > 64)
        {
            return null;
        }

        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Dictionary => InspectDictionary((IEnumerable)value, field, options, depth),
            JsonTypeInfoKind.Enumerable => InspectList((IEnumerable)value, field, options, depth),
            JsonTypeInfoKind.Object => info.Properties
                .Where(property => property.Get is not null)
                .Select(property => Inspect(property.Get!(value), Join(field, property.Name), options, depth + 1))
                .FirstOrDefault(finding => finding is not null),
            _ => null,
        };
    }

    private static bool UnstorableText(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString()!.Contains('\0'),
                JsonValueKind.Array => element.EnumerateArray().Any(UnstorableText),
                JsonValueKind.Object => element.EnumerateObject().Any(property => property.Name.Contains('\0') || UnstorableText(property.Value)),
                _ => false,
            };
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static Finding? InspectList(IEnumerable items, string field, JsonSerializerOptions options, int depth)
    {
        var index = 0;
        foreach (var item in items)
        {
            var itemField = $"{field}[{index++}]";
            if (item is null)
            {
                return new Finding(Name(itemField), "must not be null");
            }

            if (Inspect(item, itemField, options, depth + 1) is { } finding)
            {
                return finding;
            }
        }

        return null;
    }

    private static Finding? InspectDictionary(IEnumerable entries, string field, JsonSerializerOptions options, int depth)
    {
        foreach (var entry in entries)
        {
            var key = entry.GetType().GetProperty("Key")?.GetValue(entry)?.ToString() ?? "";
            if (key.Contains('\0'))
            {
                return new Finding(Name(field), "keys " + NoNul);
            }

            if (Inspect(entry.GetType().GetProperty("Value")?.GetValue(entry), Join(field, key), options, depth + 1) is { } finding)
            {
                return finding;
            }
        }

        return null;
    }

    private static string Join(string field, string name) => field.Length == 0 ? name : $"{field}.{name}";

    private static string Name(string field) => field.Length == 0 ? JsonBodyFilter.BodyField : field;
}
