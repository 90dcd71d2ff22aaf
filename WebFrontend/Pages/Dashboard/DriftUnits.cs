namespace Planekeeper.WebFrontend.Pages.Dashboard;

/// <summary>The unit a rule counts behind-by in (docs/rules-and-alerts.md, "Monitoring rules"), for a count.</summary>
public static class DriftUnits
{
    public static string Of(string ruleType, long count) => (ruleType, count) switch
    {
        ("days_behind", 1) => "day",
        ("days_behind", _) => "days",
        ("majors_behind", 1) => "major",
        ("majors_behind", _) => "majors",
        ("minors_behind", 1) => "minor",
        ("minors_behind", _) => "minors",
        _ => "",
    };
}
