using System.Collections;
using System.Text;
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

    /// <summary>
    /// Every Agent API request's body passes here, so an ordinary body costs no allocation per field: a field's name is
    /// built only for a finding, on the way back out (bench/README.md, JobPipeline, seventh round).
    /// </summary>
    public static Finding? FirstProblem(object? body, JsonSerializerOptions options) =>
        Inspect(body, options, depth: 0) is { } found ? new Finding(found.Path?.FieldName() ?? JsonBodyFilter.BodyField, found.Message) : null;

    /// <summary>A problem and where it is below the value inspected (null: the value itself).</summary>
    private sealed record Found(string Message, FieldPath? Path = null);

    /// <summary>A field as the client wrote it, outermost part first: <c>credentials</c>, <c>[0]</c>, <c>name</c>.</summary>
    private sealed record FieldPath(string Part, bool IsIndex, FieldPath? Rest)
    {
        public string FieldName()
        {
            var name = new StringBuilder(Part);
            for (var next = Rest; next is not null; next = next.Rest)
            {
                name.Append(next.IsIndex ? next.Part : "." + next.Part);
            }

            return name.ToString();
        }
    }

    /// <summary>The first problem in <paramref name="value"/>.</summary>
    private static Found? Inspect(object? value, JsonSerializerOptions options, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text.Contains('\0') ? new Found(NoNul) : null;
            case JsonElement element:
                return UnstorableText(element) ? new Found("must hold only Unicode text without NUL characters (\\u0000)") : null;
        }

        var type = value.GetType();
        if (IsPlain(type) || depth > 64)
        {
            return null;
        }

        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Dictionary => InspectDictionary((IEnumerable)value, options, depth),
            JsonTypeInfoKind.Enumerable => IsPlain(info.ElementType!) ? null : InspectList((IEnumerable)value, options, depth),
            JsonTypeInfoKind.Object => InspectProperties(info, value, options, depth),
            _ => null,
        };
    }

    /// <summary>A value of this type holds no text: it is never read, so a value-typed one is not boxed either.</summary>
    private static bool IsPlain(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsPrimitive || plain.IsEnum || plain == typeof(decimal) || plain == typeof(DateTimeOffset) || plain == typeof(DateTime)
            || plain == typeof(Guid) || plain == typeof(TimeSpan);
    }

    private static Found? InspectProperties(JsonTypeInfo info, object value, JsonSerializerOptions options, int depth)
    {
        var properties = info.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (property.Get is not null && !IsPlain(property.PropertyType)
                && Inspect(property.Get(value), options, depth + 1) is { } finding)
            {
                return Within(property.Name, isIndex: false, finding);
            }
        }

        return null;
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

    private static Found? InspectList(IEnumerable items, JsonSerializerOptions options, int depth)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                return new Found("must not be null", new FieldPath($"[{index}]", IsIndex: true, Rest: null));
            }

            if (Inspect(item, options, depth + 1) is { } finding)
            {
                return Within($"[{index}]", isIndex: true, finding);
            }

            index++;
        }

        return null;
    }

    private static Found? InspectDictionary(IEnumerable entries, JsonSerializerOptions options, int depth)
    {
        foreach (var entry in entries)
        {
            var key = entry.GetType().GetProperty("Key")?.GetValue(entry)?.ToString() ?? "";
            if (key.Contains('\0'))
            {
                return new Found("keys " + NoNul);
            }

            if (Inspect(entry.GetType().GetProperty("Value")?.GetValue(entry), options, depth + 1) is { } finding)
            {
                return Within(key, isIndex: false, finding);
            }
        }

        return null;
    }

    /// <summary>A problem found inside <paramref name="part"/> (a property, a key or an <c>[index]</c>).</summary>
    private static Found Within(string part, bool isIndex, Found found) => found with { Path = new FieldPath(part, isIndex, found.Path) };
}
