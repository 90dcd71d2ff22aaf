using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.WebFrontend.Ui;

/// <summary>
/// The signed-in user a page is rendered for: their organizations, the current one and their effective actions in
/// it (the same as <c>GET /api/v1/me</c>). Pages show controls by it; the server checks every action anyway.
/// </summary>
public sealed record Viewer(UserRecord User, IReadOnlyList<OrganizationSummary> Organizations, OrganizationSummary? Current, IReadOnlySet<string> Actions)
{
    public bool May(string action) => Actions.Contains(action);
}

public static class HttpContextViewer
{
    private static readonly object ViewerKey = new();

    public static void SetViewer(this HttpContext context, Viewer viewer) => context.Items[ViewerKey] = viewer;

    /// <summary>The page's viewer, or null on a page shown to someone not signed in.</summary>
    public static Viewer? Viewer(this HttpContext context) => context.Items.TryGetValue(ViewerKey, out var viewer) ? (Viewer)viewer! : null;
}
