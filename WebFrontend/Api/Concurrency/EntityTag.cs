using System.Globalization;

namespace Planekeeper.WebFrontend.Api.Concurrency;

/// <summary>The strong entity tag of a version: <c>"7"</c>.</summary>
public static class EntityTag
{
    public static string Of(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <returns>The version a quoted tag names, or null when it names none (e.g. <c>"abc"</c>).</returns>
    public static int? ParseVersion(string quoted) =>
        int.TryParse(quoted.AsSpan(1, quoted.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}
