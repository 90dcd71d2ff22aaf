namespace Planekeeper.WebFrontend.Hosting.Surfaces;

/// <summary>Which part of the frontend a path belongs to; <see cref="SurfaceGate"/> serves each only where it belongs.</summary>
public enum Surface
{
    /// <summary><c>/health</c>, <c>/ready</c>: every listener answers them.</summary>
    Probe,

    /// <summary>Stylesheets, scripts and error pages: every listener serves them.</summary>
    Asset,

    /// <summary>Signing in and out (<c>/login</c>, <c>/logout</c>, <c>/api/v1/auth/…</c>): every listener, so an operator can sign in on the internal one.</summary>
    SignIn,

    /// <summary><c>/api/v1/internal/…</c>, <c>/internal/…</c>, the internal OpenAPI document and <c>/metrics</c>: the internal listener only.</summary>
    Internal,

    /// <summary>The rest of <c>/api/…</c> and <c>/openapi/…</c>: the public listener of an <c>api</c> frontend.</summary>
    Api,

    /// <summary>Everything else: the public listener of a <c>client-ui</c> frontend.</summary>
    ClientUi,
}
