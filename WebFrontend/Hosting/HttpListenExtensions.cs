using Planekeeper.Configuration;

namespace Planekeeper.WebFrontend.Hosting;

public static class HttpListenExtensions
{
    public const int DefaultPort = 8080;

    /// <summary>Listens on <c>PLANEKEEPER_HTTP_PORT</c> (default 8080) on every interface.</summary>
    public static void ListenOnConfiguredPort(this WebApplicationBuilder builder)
    {
        var value = builder.Configuration["PLANEKEEPER_HTTP_PORT"];
        var port = DefaultPort;
        if (!string.IsNullOrWhiteSpace(value) && !(int.TryParse(value, out port) && port is > 0 and <= 65535))
        {
            throw new StartupConfigurationException($"PLANEKEEPER_HTTP_PORT must be a port number from 1 to 65535, got '{value}'");
        }

        builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
    }
}
