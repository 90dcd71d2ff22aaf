namespace Planekeeper.Grains.Jobs;

/// <summary>The transforms applied to a scraped or manual version before it is stored (SPEC §1, Scrape job).</summary>
public static class VersionTransform
{
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [None, "add_v_lower", "add_v_upper", "strip_v_lower", "strip_v_upper"];

    public static string Apply(string transform, string version)
    {
        var value = version.Trim();
        return transform switch
        {
            "add_v_lower" => "v" + StripV(value),
            "add_v_upper" => "V" + StripV(value),
            "strip_v_lower" => value.StartsWith('v') ? value[1..] : value,
            "strip_v_upper" => value.StartsWith('V') ? value[1..] : value,
            _ => value,
        };
    }

    private static string StripV(string value) => value.StartsWith('v') || value.StartsWith('V') ? value[1..] : value;
}
