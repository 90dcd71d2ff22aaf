using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Hosting.OpenApi;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>The rule that derives each operation's problem responses from the route (docs/api.md, "OpenAPI description").</summary>
public class ProblemResponsesTests
{
    private static IReadOnlyList<int> For(string method, string pattern, RouteAccess? access, bool takesInput = false, bool versioned = false, bool rateLimited = true) =>
        ProblemResponses.For(new ProblemResponses.Route(method, pattern, access, takesInput, versioned, rateLimited));

    [Fact]
    public void An_organization_write_with_a_body_and_an_id_can_give_every_problem_but_412() =>
        Assert.Equal([400, 401, 403, 404, 409, 422, 429, 503], For("PUT", "/api/v1/monitoring-rules/{id}", RouteAccess.Requires("monitoring-rules:update"), takesInput: true));

    [Fact]
    public void An_anonymous_route_gives_no_401_403_or_409() =>
        Assert.Equal([400, 422, 429, 503], For("POST", "/api/v1/auth/login", RouteAccess.Public, takesInput: true));

    [Fact]
    public void An_organization_read_without_input_or_id_gives_the_organization_credential_and_limit_problems() =>
        Assert.Equal([400, 401, 403, 429, 503], For("GET", "/api/v1/alerts/summary", RouteAccess.Requires("alerts:list")));

    [Fact]
    public void A_signed_in_read_outside_an_organization_gives_only_the_credential_and_limit_problems() =>
        Assert.Equal([401, 403, 429, 503], For("GET", "/api/v1/organizations", RouteAccess.ApprovedUser));

    [Fact]
    public void A_route_with_an_etag_can_give_412() =>
        Assert.Contains(412, For("PUT", "/api/v1/monitoring-rules/{id}", RouteAccess.Requires("monitoring-rules:update"), takesInput: true, versioned: true));

    [Fact]
    public void Every_route_can_give_503_when_the_cluster_cannot_be_reached() =>
        Assert.Contains(503, For("GET", "/health", RouteAccess.Public, rateLimited: false));

    [Fact]
    public void A_route_the_request_limit_exempts_gives_no_429() =>
        Assert.DoesNotContain(429, For("POST", "/api/v1/agent/tasks/claim", RouteAccess.AgentKey, takesInput: true, rateLimited: false));
}
