using Semver;

namespace Planekeeper.Versioning;

/// <summary>
/// A version as the product reads it (docs/rules-and-alerts.md, "Versions"): SemVer 2.0 after trimming and one leading
/// <c>v</c>/<c>V</c>, <c>1.2</c> as <c>1.2.0</c>, <c>1.2.3.4</c> by its first three parts. Ordered by SemVer
/// precedence, so build metadata does not count.
/// </summary>
/// <remarks>Read the same way by the server and the agent: keep it free of Orleans and I/O.</remarks>
public sealed record ReleaseVersion : IComparable<ReleaseVersion>
{
    // Leading zeros are read as numbers (22.04, 2024.01.15 are common tags), as the agent always did.
    private const SemVersionStyles Styles = SemVersionStyles.AllowLeadingZeros;

    private readonly SemVersion _semVer;

    private ReleaseVersion(string text, SemVersion semVer)
    {
        Text = text;
        _semVer = semVer;
        Major = (long)semVer.Major;
        Minor = (long)semVer.Minor;
        Patch = (long)semVer.Patch;
    }

    /// <summary>The version as it was given.</summary>
    public string Text { get; }

    public long Major { get; }

    public long Minor { get; }

    public long Patch { get; }

    public bool IsPrerelease => _semVer.IsPrerelease;

    /// <summary>The <c>major.minor</c> line the version belongs to.</summary>
    public (long Major, long Minor) Line => (Major, Minor);

    /// <summary>The version read from <paramref name="text"/>, or null when it is not one.</summary>
    public static ReleaseVersion? Parse(string? text)
    {
        if (text is null || Normalized(text.Trim()) is not { } normalized)
        {
            return null;
        }

        return SemVersion.TryParse(normalized, Styles, out var semVer) && FitsInLong(semVer)
            ? new ReleaseVersion(text, semVer)
            : null;
    }

    public int CompareTo(ReleaseVersion? other) =>
        other is null ? 1 : SemVersion.ComparePrecedence(_semVer, other._semVer);

    public static bool operator <(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => Text;

    /// <summary>Strict SemVer text for the product's lenient forms: no v, two or four release numbers made three.</summary>
    private static string? Normalized(string text)
    {
        var unprefixed = text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
        var suffixAt = unprefixed.IndexOfAny(['-', '+']);
        var release = suffixAt < 0 ? unprefixed : unprefixed[..suffixAt];
        var suffix = suffixAt < 0 ? "" : unprefixed[suffixAt..];
        var numbers = release.Split('.');
        return numbers.Length switch
        {
            2 => $"{release}.0{suffix}",
            3 => unprefixed,
            4 when IsNumber(numbers[3]) => string.Join('.', numbers[..3]) + suffix,
            _ => null,
        };
    }

    private static bool IsNumber(string part) => part.Length > 0 && part.All(char.IsAsciiDigit);

    private static bool FitsInLong(SemVersion semVer) =>
        semVer.Major <= long.MaxValue && semVer.Minor <= long.MaxValue && semVer.Patch <= long.MaxValue;
}
