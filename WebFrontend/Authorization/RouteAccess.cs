namespace Planekeeper.WebFrontend.Authorization;

public enum AccessKind
{
    /// <summary>No credential needed.</summary>
    Public,

    /// <summary>Any valid credential: a signed-in user (approved or not) or an API key.</summary>
    Authenticated,

    /// <summary>An approved, signed-in user; not scoped to an organization.</summary>
    ApprovedUser,

    /// <summary>Scoped to the request's organization and guarded by <see cref="RouteAccess.Action"/>.</summary>
    Organization,

    /// <summary>Global admins only (the internal API).</summary>
    GlobalAdmin,

    /// <summary>The Agent API: an API key only, acting in the key's organization.</summary>
    AgentKey,
}

/// <summary>What a route requires: its kind, and for organization routes the IAM action (<c>resource:action</c>).</summary>
public sealed record RouteAccess(AccessKind Kind, string? Action = null)
{
    public static readonly RouteAccess Public = new(AccessKind.Public);
    public static readonly RouteAccess Authenticated = new(AccessKind.Authenticated);
    public static readonly RouteAccess ApprovedUser = new(AccessKind.ApprovedUser);
    public static readonly RouteAccess GlobalAdmin = new(AccessKind.GlobalAdmin);
    public static readonly RouteAccess AgentKey = new(AccessKind.AgentKey);

    public static RouteAccess Requires(string action) => new(AccessKind.Organization, action);
}
