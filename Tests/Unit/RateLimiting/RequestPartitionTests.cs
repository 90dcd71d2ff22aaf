using System.Net;
using Microsoft.AspNetCore.Http;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.Tests.Unit.RateLimiting;

public class RequestPartitionTests
{
    private static string? Of(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        return RequestPartition.Of(context);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    [InlineData("/api/v1/agent/heartbeat")]
    [InlineData("/api/v1/agent/tasks/claim")]
    [InlineData("/api/v1/agent/tasks/12/complete")]
    public void The_agent_api_and_the_probes_are_exempt(string path) => Assert.Null(Of(path));

    [Theory]
    [InlineData("/api/v1/agent/bootstrap")]
    [InlineData("/api/v1/agents")]
    [InlineData("/api/v1/me")]
    [InlineData("/openapi/v1.json")]
    public void Anything_else_without_a_credential_counts_against_the_client_address(string path) => Assert.Equal("ip:192.0.2.7", Of(path));
}
