using System.Globalization;
using System.Text.RegularExpressions;

namespace Planekeeper.Agent.Gathering;

/// <summary>
/// Timestamps as Go writes them (Helm's <c>created</c>, an image config's <c>created</c>): RFC 3339 with up to nine
/// fractional digits, which .NET does not parse beyond seven.
/// </summary>
internal static partial class Rfc3339
{
    public static DateTimeOffset? Parse(string? text) =>
        text is not null && DateTimeOffset.TryParse(
            ExtraFractionDigits().Replace(text, "$1"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment.ToUniversalTime()
            : null;

    [GeneratedRegex(@"(\.[0-9]{7})[0-9]+")]
    private static partial Regex ExtraFractionDigits();
}
