namespace Planekeeper.WebFrontend.Authorization;

/// <summary>The organization a request acts in and who acts, set by <see cref="AccessMiddleware"/> on organization routes.</summary>
public sealed record RequestScope(long OrganizationId, string Subject, bool IsSuperAdmin);

public static class HttpContextScope
{
    private static readonly object ScopeKey = new();

    public static void SetScope(this HttpContext context, RequestScope scope) => context.Items[ScopeKey] = scope;

    public static RequestScope Scope(this HttpContext context) =>
        context.Items.TryGetValue(ScopeKey, out var scope) ? (RequestScope)scope! : throw new InvalidOperationException("the route is not an organization route");
}
