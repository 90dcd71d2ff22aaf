namespace Planekeeper.WebFrontend.Hosting.Surfaces;

/// <summary>What a frontend serves (<c>PLANEKEEPER_ROLES</c>; docs/configuration.md, "Frontend roles").</summary>
[Flags]
public enum FrontendRole
{
    None = 0,

    /// <summary>The public REST API (<c>/api/v1/…</c> but the internal routes), its OpenAPI document, the Agent API.</summary>
    Api = 1,

    /// <summary>The Client UI: the organizations' pages.</summary>
    ClientUi = 2,

    /// <summary>The internal routes (<c>/api/v1/internal/…</c>, <c>/internal/…</c>), on their own port.</summary>
    InternalUi = 4,

    All = Api | ClientUi | InternalUi,
}
