namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// The condition forms templates have (<see cref="ActionParser"/>: <c>if</c>, <c>else</c>, <c>else if</c>, <c>end</c>;
/// Go's truth: false, 0, empty text and a missing value are false), each with an example shown beside the editor.
/// </summary>
public static class TemplateConditions
{
    public static IReadOnlyList<(string Example, string Description)> Forms { get; } =
    [
        ("{{if .PreviousSeverity}}was {{.PreviousSeverity}}{{end}}",
            "writes what is inside only when the value is set: not false, 0, empty or missing"),
        ("{{if .IsAcknowledged}}acknowledged{{else}}open{{end}}",
            "{{else}}: what to write otherwise"),
        ("{{if .Alert.LatestVersion}}{{.Alert.LatestVersion}}{{else if .Alert.RepositoryURL}}unknown{{else}}manual{{end}}",
            $"{{{{else if}}}}: another condition, tried in turn; conditions nest up to {TemplateLimits.MaxNesting} deep"),
    ];
}
