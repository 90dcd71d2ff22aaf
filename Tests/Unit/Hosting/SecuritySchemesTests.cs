using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Hosting.OpenApi;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>Which credentials each kind of route accepts in the OpenAPI documents (docs/api.md, "OpenAPI description").</summary>
public class SecuritySchemesTests
{
    [Theory]
    [InlineData(AccessKind.Public, new string[0])]
    [InlineData(AccessKind.AgentKey, new[] { SecuritySchemes.ApiKey })]
    [InlineData(AccessKind.GlobalAdmin, new[] { SecuritySchemes.SessionCookie, SecuritySchemes.Bearer })]
    [InlineData(AccessKind.ApprovedUser, new[] { SecuritySchemes.SessionCookie, SecuritySchemes.Bearer })]
    [InlineData(AccessKind.Organization, new[] { SecuritySchemes.ApiKey, SecuritySchemes.SessionCookie, SecuritySchemes.Bearer })]
    [InlineData(AccessKind.Authenticated, new[] { SecuritySchemes.ApiKey, SecuritySchemes.SessionCookie, SecuritySchemes.Bearer })]
    public void Each_kind_of_route_accepts_its_credentials(AccessKind kind, string[] schemes) =>
        Assert.Equal(schemes, SecuritySchemes.For(kind));

    [Fact]
    public void Every_kind_is_mapped() => Assert.All(Enum.GetValues<AccessKind>(), kind => SecuritySchemes.For(kind));
}
