using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Planekeeper.Configuration;
using Planekeeper.WebFrontend.Hosting.Surfaces;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>Which paths each listener of each frontend role serves, and how the roles and ports are read.</summary>
public class FrontendSurfaceTests
{
    [Theory]
    [InlineData("/health", Surface.Probe)]
    [InlineData("/ready", Surface.Probe)]
    [InlineData("/css/site.css", Surface.Asset)]
    [InlineData("/lib/htmx/htmx.min.js", Surface.Asset)]
    [InlineData("/error/404", Surface.Asset)]
    [InlineData("/login", Surface.SignIn)]
    [InlineData("/api/v1/auth/login", Surface.SignIn)]
    [InlineData("/api/v1/internal/users", Surface.Internal)]
    [InlineData("/API/V1/INTERNAL/settings", Surface.Internal)]
    [InlineData("/internal", Surface.Internal)]
    [InlineData("/openapi/internal.json", Surface.Internal)]
    [InlineData("/openapi/v1.json", Surface.Api)]
    [InlineData("/api/v1/gather-jobs", Surface.Api)]
    [InlineData("/api/v1/internalish", Surface.Api)]
    [InlineData("/api/v1/agent/heartbeat", Surface.Api)]
    [InlineData("/", Surface.ClientUi)]
    [InlineData("/gather-jobs/12", Surface.ClientUi)]
    [InlineData("/internals", Surface.ClientUi)]
    public void Paths_fall_into_their_surface(string path, Surface surface) => Assert.Equal(surface, SurfaceOfPath.Of(path));

    [Theory]
    [InlineData(Surface.Internal, false, FrontendRole.All, false)]
    [InlineData(Surface.Internal, true, FrontendRole.All, true)]
    [InlineData(Surface.Api, true, FrontendRole.All, false)]
    [InlineData(Surface.ClientUi, true, FrontendRole.All, false)]
    [InlineData(Surface.Api, false, FrontendRole.ClientUi, false)]
    [InlineData(Surface.ClientUi, false, FrontendRole.Api, false)]
    [InlineData(Surface.Api, false, FrontendRole.Api, true)]
    [InlineData(Surface.ClientUi, false, FrontendRole.ClientUi | FrontendRole.Api, true)]
    [InlineData(Surface.Probe, true, FrontendRole.InternalUi, true)]
    [InlineData(Surface.SignIn, true, FrontendRole.InternalUi, true)]
    [InlineData(Surface.Asset, false, FrontendRole.Api, true)]
    public void Each_listener_serves_only_its_surfaces(Surface surface, bool internalListener, FrontendRole roles, bool served) =>
        Assert.Equal(served, SurfaceGate.Serves(surface, internalListener, roles));

    [Theory]
    [InlineData(null, FrontendRole.All)]
    [InlineData("  ", FrontendRole.All)]
    [InlineData("api", FrontendRole.Api)]
    [InlineData("api, Client-UI", FrontendRole.Api | FrontendRole.ClientUi)]
    [InlineData("internal-ui,", FrontendRole.InternalUi)]
    public void Roles_are_read_from_a_comma_list(string? value, FrontendRole roles) => Assert.Equal(roles, FrontendRoles.Parse(value));

    [Theory]
    [InlineData("admin")]
    [InlineData(",")]
    public void Unknown_roles_or_none_stop_the_start(string value) =>
        Assert.Contains("PLANEKEEPER_ROLES", Assert.Throws<StartupConfigurationException>(() => FrontendRoles.Parse(value)).Message);

    [Fact]
    public void A_frontend_of_every_role_listens_on_both_ports_by_default()
    {
        var listeners = FrontendListeners.FromConfiguration(Configuration());

        Assert.Equal(["http://0.0.0.0:8080", "http://0.0.0.0:8082"], listeners.Urls());
        Assert.Equal("http://localhost:8082", listeners.InternalOrigin!.Origin);
        Assert.Equal("PLANEKEEPER_INTERNAL_URL", listeners.InternalOrigin.SettingName);
    }

    [Fact]
    public void A_public_frontend_does_not_listen_on_the_internal_port_and_an_internal_one_not_on_the_public_port()
    {
        Assert.Equal(["http://0.0.0.0:9000"], FrontendListeners.FromConfiguration(Configuration(("PLANEKEEPER_ROLES", "api,client-ui"), ("PLANEKEEPER_HTTP_PORT", "9000"))).Urls());
        var internalOnly = FrontendListeners.FromConfiguration(Configuration(("PLANEKEEPER_ROLES", "internal-ui"), ("PLANEKEEPER_INTERNAL_URL", "https://ops.example.com/")));
        Assert.Equal(["http://0.0.0.0:8082"], internalOnly.Urls());
        Assert.Equal("https://ops.example.com", internalOnly.InternalOrigin!.Origin);
    }

    [Theory]
    [InlineData("PLANEKEEPER_INTERNAL_HTTP_PORT", "8080", "must differ from PLANEKEEPER_HTTP_PORT")]
    [InlineData("PLANEKEEPER_INTERNAL_HTTP_PORT", "70000", "PLANEKEEPER_INTERNAL_HTTP_PORT must be a port number")]
    [InlineData("PLANEKEEPER_INTERNAL_URL", "ops.example.com", "PLANEKEEPER_INTERNAL_URL must be an http(s) URL")]
    public void Bad_ports_and_addresses_stop_the_start_naming_the_setting(string setting, string value, string message) =>
        Assert.Contains(message, Assert.Throws<StartupConfigurationException>(() => FrontendListeners.FromConfiguration(Configuration((setting, value)))).Message);

    [Fact]
    public void The_internal_listener_is_told_by_the_port_a_request_came_in_on()
    {
        var listeners = FrontendListeners.FromConfiguration(Configuration());
        var onInternal = new DefaultHttpContext();
        onInternal.Connection.LocalPort = 8082;
        var onPublic = new DefaultHttpContext();
        onPublic.Connection.LocalPort = 8080;

        Assert.True(listeners.IsInternal(onInternal));
        Assert.False(listeners.IsInternal(onPublic));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
