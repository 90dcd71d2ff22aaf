namespace Planekeeper.Grains.Notifications.Templates;

/// <summary>
/// The one-line summary of a notice (mail subject, card title, PagerDuty summary), e.g.
/// <c>[HIGH] k8s prod: github.com/kubernetes/kubernetes 2 behind</c>, <c>Acknowledged: …</c>, <c>Resolved: …</c>.
/// </summary>
public static class MessageSubject
{
    public static string For(AlertNotice notice)
    {
        var what = $"{notice.ConfigName}: {notice.ArtifactName}";
        var behind = $"{what} {notice.BehindBy} behind";
        var subject = TemplateCategories.For(notice.Event) switch
        {
            TemplateCategories.NewAlert => $"[{notice.Severity.ToUpperInvariant()}] {behind}",
            TemplateCategories.Acknowledged => $"{(notice.Acknowledged ? "Acknowledged" : "Unacknowledged")}: {behind}",
            _ => $"Resolved: {what}",
        };
        return OneLine(subject);
    }

    private static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
