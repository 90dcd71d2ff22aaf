using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// The three credentials of docs/api.md ("Authentication"), as OpenAPI security schemes, and which of them each kind of
/// route in <see cref="RouteActions.Table"/> accepts (docs/api.md, "OpenAPI description").
/// </summary>
public static class SecuritySchemes
{
    /// <summary>Header <c>X-API-Key: pk_&lt;id&gt;_&lt;secret&gt;</c>.</summary>
    public const string ApiKey = "apiKey";

    /// <summary>The session cookie that <c>POST /api/v1/auth/login</c> sets (Identity/SessionCookie.cs).</summary>
    public const string SessionCookie = "sessionCookie";

    /// <summary><c>Authorization: Bearer</c> JWT from the configured identity provider.</summary>
    public const string Bearer = "bearer";

    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>
    /// The schemes any one of which a route of this kind accepts; empty for anonymous routes. Agent routes take only an
    /// API key; global admins' and approved users' routes need a person (session or bearer token); organization routes
    /// and <see cref="AccessKind.Authenticated"/> ones take any credential.
    /// </summary>
    public static IReadOnlyList<string> For(AccessKind kind) => kind switch
    {
        AccessKind.Public => [],
        AccessKind.AgentKey => [ApiKey],
        AccessKind.GlobalAdmin or AccessKind.ApprovedUser => [SessionCookie, Bearer],
        AccessKind.Organization or AccessKind.Authenticated => [ApiKey, SessionCookie, Bearer],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
