using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.Tests.Unit.Access;

public class RouteActionsCheckTests
{
    private static RouteEndpoint Endpoint(string method, string pattern) => new(
        _ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection(new HttpMethodMetadata([method])), pattern);

    [Fact]
    public void A_route_without_an_entry_is_reported()
    {
        var missing = RouteActionsCheck.MissingEntries([Endpoint("GET", "/api/v1/members"), Endpoint("POST", "/api/v1/rockets/{id:long}/launch"), Endpoint("GET", "/not-api"), Endpoint("GET", "/health")]);

        Assert.Equal(["POST /api/v1/rockets/{id}/launch", "GET /not-api"], missing);
    }

    [Theory]
    [InlineData("GET", "api/v1/api-keys/{id:long}/", "api-keys:read")]
    [InlineData("DELETE", "/api/v1/roles/{key}/assign/{userId:long}", "roles:assign")]
    [InlineData("GET", "/api/v1/permissions/explain", "permissions:explain")]
    public void Patterns_are_matched_without_constraints_or_slashes(string method, string pattern, string action)
    {
        Assert.Equal(action, RouteActions.For(method, pattern)?.Action);
    }

    [Fact]
    public void Every_organization_route_names_a_catalogue_action()
    {
        var actions = RouteActions.Table.Values.Where(access => access.Kind == AccessKind.Organization).Select(access => access.Action!);

        Assert.All(actions, action => Assert.True(Planekeeper.Grains.Access.Policy.ActionCatalogue.IsKnown(action), action));
    }
}
