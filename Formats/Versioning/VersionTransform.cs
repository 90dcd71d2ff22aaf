namespace Planekeeper.Versioning;

/// <summary>How a scraped version string is adjusted before it is compared with upstream releases.</summary>
public static class VersionTransform
{
    public const string None = "none";
    public const string AddVLower = "add_v_lower";
    public const string AddVUpper = "add_v_upper";
    public const string StripVLower = "strip_v_lower";
    public const string StripVUpper = "strip_v_upper";

    public static IReadOnlyList<string> All { get; } = [None, AddVLower, AddVUpper, StripVLower, StripVUpper];

    /// <summary>The trimmed version with <paramref name="transform"/> applied.</summary>
    public static string Apply(string transform, string version)
    {
        var trimmed = version.Trim();
        return transform switch
        {
            None => trimmed,
            AddVLower => AddPrefix('v', trimmed),
            AddVUpper => AddPrefix('V', trimmed),
            StripVLower => trimmed.StartsWith('v') ? trimmed[1..] : trimmed,
            StripVUpper => trimmed.StartsWith('V') ? trimmed[1..] : trimmed,
            _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, "Unknown version transform."),
        };
    }

    private static string AddPrefix(char prefix, string version) =>
        version.StartsWith('v') || version.StartsWith('V') ? prefix + version[1..] : prefix + version;
}
