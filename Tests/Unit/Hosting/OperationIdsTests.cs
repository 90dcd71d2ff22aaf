using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Hosting.OpenApi;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>The operationId rule of docs/api.md ("OpenAPI description"): method + route → a name in the product's words.</summary>
public class OperationIdsTests
{
    [Theory]
    [InlineData("GET", "/api/v1/gather-jobs", "listGatherJobs")]
    [InlineData("POST", "/api/v1/gather-jobs", "createGatherJob")]
    [InlineData("GET", "/api/v1/gather-jobs/{id}", "getGatherJob")]
    [InlineData("GET", "/api/v1/gather-jobs/{id:long}", "getGatherJob")]
    [InlineData("PUT", "/api/v1/gather-jobs/{id}", "updateGatherJob")]
    [InlineData("DELETE", "/api/v1/gather-jobs/{id}", "deleteGatherJob")]
    [InlineData("POST", "/api/v1/gather-jobs/{id}/run", "runGatherJob")]
    [InlineData("GET", "/api/v1/gather-jobs/summary", "getGatherJobsSummary")]
    [InlineData("GET", "/api/v1/gather-jobs/{id}/releases", "getGatherJobReleases")]
    [InlineData("DELETE", "/api/v1/gather-jobs/{id}/releases", "deleteGatherJobReleases")]
    [InlineData("PATCH", "/api/v1/api-keys/{id}", "updateApiKey")]
    [InlineData("POST", "/api/v1/agent/tasks/{taskId}/renew", "renewAgentTask")]
    [InlineData("POST", "/api/v1/alerts/bulk-acknowledge", "bulkAcknowledgeAlerts")]
    [InlineData("POST", "/api/v1/notification-deliveries/{id}/retry", "retryNotificationDelivery")]
    [InlineData("POST", "/api/v1/invites/{token}/accept", "acceptInvite")]
    [InlineData("GET", "api/v1/alert-configs/drift/worst", "getAlertConfigsDriftWorst")]
    [InlineData("GET", "/api/v1/internal/users", "internalListUsers")]
    [InlineData("POST", "/api/v1/internal/users/{userId:long}/approve", "internalApproveUser")]
    [InlineData("POST", "/api/v1/internal/server-agent-keys", "internalCreateServerAgentKey")]
    [InlineData("POST", "/api/v1/internal/jobs/reset-stuck", "internalResetStuckJobs")]
    [InlineData("GET", "/api/v1/internal/early-access", "internalListEarlyAccess")]
    [InlineData("GET", "/api/v1/internalish", "listInternalish")]
    public void The_rule_names_an_operation_from_its_method_and_route(string method, string route, string expected) =>
        Assert.Equal(expected, OperationIds.For(method, route));

    [Theory]
    [InlineData("gather-jobs", "gather-job")]
    [InlineData("notification-deliveries", "notification-delivery")]
    [InlineData("early-access", "early-access")]
    [InlineData("me", "me")]
    public void Singular_takes_the_plural_off_the_last_word(string segment, string expected) => Assert.Equal(expected, OperationIds.Singular(segment));

    [Fact]
    public void The_rule_alone_gives_every_api_route_of_the_table_a_distinct_name()
    {
        var names = RouteActions.Table.Keys
            .Where(route => route.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(route => OperationIds.For(route.Method, route.Pattern))
            .ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^[a-z][A-Za-z]*$", name));
    }
}
