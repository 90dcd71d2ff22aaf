using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>
/// Git's smart HTTP protocol over HTTPS on 127.0.0.1: Kestrel with a self-signed certificate in front of
/// <c>git http-backend</c> (CGI), serving the bare repositories of one folder. Git clients trust it through
/// <c>GIT_SSL_CAINFO</c> = <see cref="CertificateFile"/>.
/// </summary>
public sealed class GitHttpsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GitHttpsServer(WebApplication app, string certificateFile)
    {
        _app = app;
        CertificateFile = certificateFile;
    }

    public Uri Url { get; private set; } = null!;

    public string CertificateFile { get; }

    public static async Task<GitHttpsServer> StartAsync(string repositoriesRoot, string certificateFolder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        var certificateFile = Path.Combine(certificateFolder, "git-server.pem");
        await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.Run(context => ServeAsync(context, repositoriesRoot));
        var server = new GitHttpsServer(app, certificateFile);
        await app.StartAsync();
        server.Url = new Uri(app.Urls.First().Replace("[::]", "127.0.0.1") + "/");
        return server;
    }

    /// <summary>Runs <c>git http-backend</c> as CGI for one request and relays its answer.</summary>
    private static async Task ServeAsync(HttpContext context, string repositoriesRoot)
    {
        var start = new ProcessStartInfo("git", ["http-backend"]) { RedirectStandardInput = true, RedirectStandardOutput = true };
        start.Environment["GIT_PROJECT_ROOT"] = repositoriesRoot;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["REQUEST_METHOD"] = context.Request.Method;
        start.Environment["PATH_INFO"] = context.Request.Path.Value;
        start.Environment["QUERY_STRING"] = context.Request.QueryString.Value?.TrimStart('?') ?? "";
        start.Environment["CONTENT_TYPE"] = context.Request.ContentType ?? "";
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        if (context.Request.Headers.ContentEncoding.FirstOrDefault() is { } encoding)
        {
            start.Environment["HTTP_CONTENT_ENCODING"] = encoding;
        }

        using var backend = Process.Start(start)!;
        await context.Request.Body.CopyToAsync(backend.StandardInput.BaseStream);
        backend.StandardInput.Close();
        var output = backend.StandardOutput.BaseStream;
        while (await ReadHeaderLineAsync(output) is { Length: > 0 } header)
        {
            var colon = header.IndexOf(':');
            var (name, value) = (header[..colon], header[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = int.Parse(value.Split(' ')[0]);
            }
            else
            {
                context.Response.Headers[name] = value;
            }
        }

        await output.CopyToAsync(context.Response.Body);
        await backend.WaitForExitAsync();
    }

    private static async Task<string> ReadHeaderLineAsync(Stream stream)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1 && one[0] != '\n')
        {
            if (one[0] != '\r')
            {
                line.Add(one[0]);
            }
        }

        return System.Text.Encoding.ASCII.GetString(line.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
