using System.Globalization;
using System.Text.RegularExpressions;

namespace Planekeeper.Agent.Gathering;

/// <summary>
/// A version read as SemVer 2.0 the way the product reads them: a leading v/V trimmed, <c>1.2</c> as <c>1.2.0</c>,
/// <c>1.2.3.4</c> by its first three parts, build metadata ignored. Ordered by SemVer precedence.
/// </summary>
internal sealed partial record SemanticVersion(long Major, long Minor, long Patch, string? Prerelease) : IComparable<SemanticVersion>
{
    public static SemanticVersion? Parse(string text)
    {
        var match = Pattern().Match(text);
        return match.Success && Number(match.Groups["major"], out var major) && Number(match.Groups["minor"], out var minor) && Number(match.Groups["patch"], out var patch)
            ? new SemanticVersion(major, minor, patch, match.Groups["prerelease"].Success ? match.Groups["prerelease"].Value : null)
            : null;
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var release = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        return release != 0 ? release : ComparePrereleases(Prerelease, other.Prerelease);
    }

    private static int ComparePrereleases(string? left, string? right)
    {
        if (left is null || right is null)
        {
            // A release ranks above its prereleases.
            return (left is null).CompareTo(right is null);
        }

        var leftParts = left.Split('.');
        var rightParts = right.Split('.');
        for (var i = 0; i < Math.Min(leftParts.Length, rightParts.Length); i++)
        {
            var order = CompareIdentifiers(leftParts[i], rightParts[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return leftParts.Length.CompareTo(rightParts.Length);
    }

    private static int CompareIdentifiers(string left, string right)
    {
        var leftNumeric = long.TryParse(left, NumberStyles.None, CultureInfo.InvariantCulture, out var leftNumber);
        var rightNumeric = long.TryParse(right, NumberStyles.None, CultureInfo.InvariantCulture, out var rightNumber);
        return (leftNumeric, rightNumeric) switch
        {
            (true, true) => leftNumber.CompareTo(rightNumber),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(left, right),
        };
    }

    private static bool Number(Group group, out long value)
    {
        value = 0;
        return !group.Success || long.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^[vV]?(?<major>[0-9]+)\.(?<minor>[0-9]+)(\.(?<patch>[0-9]+))?(\.[0-9]+)?(-(?<prerelease>[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z")]
    private static partial Regex Pattern();
}
