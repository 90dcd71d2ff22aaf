using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>
/// A Helm chart repository serving <c>/charts/index.yaml</c> as a static web server would: an ETag and a
/// Last-Modified, 304 to a matching If-None-Match, and (when <see cref="RequireLogin"/> is called) 401 without the
/// right basic-auth login.
/// </summary>
public sealed class HelmRepositoryStandIn : StandInServer
{
    private const string IndexPath = "/charts/index.yaml";

    private string _index = "apiVersion: v1\nentries: {}\n";
    private (string User, string Password)? _login;

    public DateTimeOffset LastModified { get; } = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    /// <summary>The repository as a helm_repository artifact starts: <c>127.0.0.1:port/charts</c>.</summary>
    public string Repository => $"{Authority}/charts";

    public Uri RepositoryUrl => new(Url, "charts");

    public string ETag => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_index)))[..16]}\"";

    public static async Task<HelmRepositoryStandIn> StartAsync(string index)
    {
        var standIn = new HelmRepositoryStandIn { _index = index };
        await standIn.ListenAsync();
        return standIn;
    }

    public void RequireLogin(string user, string password) => _login = (user, password);

    protected override void Map(WebApplication app) => app.MapGet(IndexPath, Index);

    private IResult Index(HttpContext context)
    {
        if (_login is { } login && context.Request.Headers.Authorization.ToString() != BasicAuthorization(login.User, login.Password))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"charts\"";
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        context.Response.Headers.ETag = ETag;
        context.Response.Headers.LastModified = LastModified.ToString("R");
        return context.Request.Headers.IfNoneMatch.ToString() == ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Text(_index, "application/x-yaml");
    }

    public static string BasicAuthorization(string user, string password) =>
        $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))}";
}
