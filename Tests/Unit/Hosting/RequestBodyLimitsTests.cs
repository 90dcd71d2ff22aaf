using Microsoft.AspNetCore.Http;
using Planekeeper.WebFrontend.Hosting.Input;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>The routes where an agent reports results take the large body limit (docs/api.md, "Request bodies and limits").</summary>
public class RequestBodyLimitsTests
{
    [Theory]
    [InlineData("/api/v1/agent/tasks/12/complete", RequestBodyLimits.TaskReportBytes)]
    [InlineData("/api/v1/agent/tasks/report", RequestBodyLimits.TaskReportBytes)]
    [InlineData("/api/v1/agent/tasks/claim", RequestBodyLimits.DefaultBytes)]
    [InlineData("/api/v1/agent/bootstrap", RequestBodyLimits.AnonymousBytes)]
    public void Each_route_family_has_its_limit(string path, long limit) => Assert.Equal(limit, RequestBodyLimits.For(new PathString(path)));
}
