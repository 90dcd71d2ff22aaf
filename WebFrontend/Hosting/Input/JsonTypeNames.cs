using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Planekeeper.WebFrontend.Hosting.Input;

/// <summary>What a JSON value of a .NET type looks like, in the words of an error message: "a string", "an integer".</summary>
public static class JsonTypeNames
{
    public static string Describe(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain switch
        {
            _ when plain == typeof(string) => "a string",
            _ when plain == typeof(bool) => "true or false",
            _ when plain == typeof(JsonElement) || plain == typeof(JsonDocument) => "a JSON value",
            _ when plain == typeof(DateTimeOffset) || plain == typeof(DateTime) => "a string with an RFC 3339 timestamp",
            _ when plain == typeof(Guid) => "a string with a UUID",
            _ when IsInteger(plain) => "an integer",
            _ when plain == typeof(double) || plain == typeof(float) || plain == typeof(decimal) => "a number",
            _ when plain.IsEnum => "a string",
            _ => DescribeContainer(plain),
        };
    }

    private static string DescribeContainer(Type type)
    {
        var kind = JsonSerializerOptions.Default.GetTypeInfo(type).Kind;
        return kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "an object",
            _ => "a JSON value",
        };
    }

    private static bool IsInteger(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);
}
