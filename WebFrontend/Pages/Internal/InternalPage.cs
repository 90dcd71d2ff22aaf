using Planekeeper.WebFrontend.Identity;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// A page of the Internal UI (docs/ui.md, "Internal UI"): served on the internal port only, to global admins only
/// (<see cref="Authorization.RouteActions.Pages"/>), outside any organization.
/// </summary>
public abstract class InternalPage : PlanekeeperPage
{
    /// <summary>The global admin acting, as the audit log names them.</summary>
    protected string Operator => HttpContext.Identity().Subject!;

    /// <summary>A one-line outcome shown above the page after a redirect (<c>?notice=</c>).</summary>
    public string? Notice { get; protected set; }
}
