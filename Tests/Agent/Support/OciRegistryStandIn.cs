using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Planekeeper.Tests.Agent.Support;

/// <summary>How a stand-in registry wants to be logged in to.</summary>
public enum RegistryLogin
{
    /// <summary>No authentication at all.</summary>
    None,

    /// <summary>401 with a Bearer challenge; its token service (<c>/token</c>) hands out pull tokens, with basic auth when a login is set.</summary>
    Token,

    /// <summary>401 with a Basic challenge; the login is required on every request.</summary>
    Basic,
}

/// <summary>
/// An OCI distribution registry (v2 API): <c>/v2/&lt;name&gt;/tags/list</c> (sorted, <c>n</c>/<c>last</c> paging with
/// a Link header), <c>/v2/&lt;name&gt;/manifests/&lt;tag or digest&gt;</c> (OCI image manifests, or image indexes for
/// multi-platform images, with Docker-Content-Digest) and <c>/v2/&lt;name&gt;/blobs/&lt;digest&gt;</c> (image configs
/// with <c>created</c>), behind the login chosen by <see cref="Login"/>.
/// </summary>
public sealed class OciRegistryStandIn : StandInServer
{
    private const string Service = "standin-registry";
    private const string IndexType = "application/vnd.oci.image.index.v1+json";
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";
    private const string ConfigType = "application/vnd.oci.image.config.v1+json";

    private readonly ConcurrentDictionary<string, SortedSet<string>> _tags = new();
    private readonly ConcurrentDictionary<string, (string MediaType, byte[] Content)> _documents = new();
    private readonly ConcurrentDictionary<string, string> _tagDigests = new();
    private readonly string _token = $"standin-token-{Guid.NewGuid():N}";

    public RegistryLogin Login { get; set; } = RegistryLogin.None;

    /// <summary>The login the registry (Basic) or its token service (Token) requires; null: anonymous pulls allowed.</summary>
    public (string User, string Password)? RequiredLogin { get; set; }

    /// <summary>The most tags one page holds, whatever <c>n</c> asks (registries cap it).</summary>
    public int MaxPageSize { get; set; } = 1000;

    public static async Task<OciRegistryStandIn> StartAsync()
    {
        var standIn = new OciRegistryStandIn();
        await standIn.ListenAsync();
        return standIn;
    }

    /// <summary>A tag of a single-platform image built at <paramref name="created"/>; returns its manifest digest.</summary>
    public string AddImage(string repository, string tag, DateTimeOffset created)
    {
        var manifest = StoreManifest(created, "amd64");
        return Tag(repository, tag, manifest);
    }

    /// <summary>A tag of a multi-platform image (arm64, amd64 and a build attestation); returns the index's digest.</summary>
    public string AddMultiPlatformImage(string repository, string tag, DateTimeOffset created)
    {
        var entries = new[]
        {
            Entry(StoreManifest(created.AddMinutes(3), "arm64"), "arm64"),
            Entry(StoreManifest(created, "amd64"), "amd64"),
            new { mediaType = ManifestType, digest = StoreManifest(created, "unknown"), size = 600, platform = new { architecture = "unknown", os = "unknown" } },
        };
        var index = Store(IndexType, new { schemaVersion = 2, mediaType = IndexType, manifests = entries });
        return Tag(repository, tag, index);
    }

    /// <summary>A tag whose manifest is gone (deleted after listing).</summary>
    public void AddDanglingTag(string repository, string tag) => _tags.GetOrAdd(repository, _ => new SortedSet<string>(StringComparer.Ordinal)).Add(tag);

    public string DigestOf(string repository, string tag) => _tagDigests[$"{repository}:{tag}"];

    protected override void Map(WebApplication app)
    {
        app.MapGet("/token", IssueToken);
        app.MapGet("/v2/{**path}", Serve);
    }

    private IResult IssueToken(HttpContext context)
    {
        if (RequiredLogin is { } login && context.Request.Headers.Authorization.ToString() != HelmRepositoryStandIn.BasicAuthorization(login.User, login.Password))
        {
            return Results.Json(new { errors = new[] { new { code = "UNAUTHORIZED", message = "authentication required" } } }, statusCode: StatusCodes.Status401Unauthorized);
        }

        return Results.Json(new { token = _token, access_token = _token, expires_in = 300, issued_at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
    }

    private IResult Serve(HttpContext context, string path)
    {
        if (!Authorized(context, RepositoryOf(path)))
        {
            return Results.Json(new { errors = new[] { new { code = "UNAUTHORIZED", message = "authentication required" } } }, statusCode: StatusCodes.Status401Unauthorized);
        }

        return path switch
        {
            _ when path.EndsWith("/tags/list", StringComparison.Ordinal) => TagList(context, path[..^"/tags/list".Length]),
            _ when path.Contains("/manifests/", StringComparison.Ordinal) => Manifest(context, path[..path.LastIndexOf("/manifests/", StringComparison.Ordinal)], path[(path.LastIndexOf('/') + 1)..]),
            _ when path.Contains("/blobs/", StringComparison.Ordinal) => Document(context, path[(path.LastIndexOf('/') + 1)..]),
            _ => NotFound("NAME_UNKNOWN"),
        };
    }

    private bool Authorized(HttpContext context, string repository)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        switch (Login)
        {
            case RegistryLogin.Token when authorization != $"Bearer {_token}":
                context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Url}token\",service=\"{Service}\",scope=\"repository:{repository}:pull\"";
                return false;
            case RegistryLogin.Basic when RequiredLogin is { } login && authorization != HelmRepositoryStandIn.BasicAuthorization(login.User, login.Password):
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"standin-registry\"";
                return false;
            default:
                return true;
        }
    }

    private IResult TagList(HttpContext context, string repository)
    {
        if (!_tags.TryGetValue(repository, out var tags))
        {
            return NotFound("NAME_UNKNOWN");
        }

        var size = Math.Min(int.TryParse(context.Request.Query["n"], out var n) ? n : MaxPageSize, MaxPageSize);
        var last = context.Request.Query["last"].ToString();
        var page = tags.Where(tag => string.CompareOrdinal(tag, last) > 0).Take(size + 1).ToList();
        if (page.Count > size)
        {
            page.RemoveAt(size);
            context.Response.Headers.Link = $"</v2/{repository}/tags/list?n={size}&last={Uri.EscapeDataString(page[^1])}>; rel=\"next\"";
        }

        return Results.Json(new { name = repository, tags = page });
    }

    private IResult Manifest(HttpContext context, string repository, string reference) =>
        reference.StartsWith("sha256:", StringComparison.Ordinal) ? Document(context, reference)
        : _tagDigests.TryGetValue($"{repository}:{reference}", out var digest) ? Document(context, digest)
        : NotFound("MANIFEST_UNKNOWN");

    private IResult Document(HttpContext context, string digest)
    {
        if (!_documents.TryGetValue(digest, out var document))
        {
            return NotFound("BLOB_UNKNOWN");
        }

        context.Response.Headers["Docker-Content-Digest"] = digest;
        return Results.Bytes(document.Content, document.MediaType);
    }

    private string StoreManifest(DateTimeOffset created, string architecture)
    {
        var config = Store(ConfigType, new
        {
            architecture,
            os = architecture == "unknown" ? "unknown" : "linux",
            created = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "13Z",
            config = new { Env = new[] { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" } },
            rootfs = new { type = "layers", diff_ids = new[] { Digest(Encoding.UTF8.GetBytes(architecture)) } },
        });
        return Store(ManifestType, new
        {
            schemaVersion = 2,
            mediaType = ManifestType,
            config = new { mediaType = ConfigType, digest = config, size = _documents[config].Content.Length },
            layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = Digest(Encoding.UTF8.GetBytes($"layer-{created:O}-{architecture}")), size = 3_623_807 } },
        });
    }

    private string Tag(string repository, string tag, string digest)
    {
        _tags.GetOrAdd(repository, _ => new SortedSet<string>(StringComparer.Ordinal)).Add(tag);
        _tagDigests[$"{repository}:{tag}"] = digest;
        return digest;
    }

    private string Store(string mediaType, object document)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(document);
        var digest = Digest(content);
        _documents[digest] = (mediaType, content);
        return digest;
    }

    private static object Entry(string digest, string architecture) =>
        new { mediaType = ManifestType, digest, size = 1000, platform = new { architecture, os = "linux" } };

    private static string Digest(byte[] content) => $"sha256:{Convert.ToHexStringLower(SHA256.HashData(content))}";

    private static string RepositoryOf(string path)
    {
        var end = new[] { "/tags/list", "/manifests/", "/blobs/" }.Select(marker => path.LastIndexOf(marker, StringComparison.Ordinal)).Where(index => index >= 0).DefaultIfEmpty(path.Length).Max();
        return path[..end];
    }

    private static IResult NotFound(string code) =>
        Results.Json(new { errors = new[] { new { code, message = "not found" } } }, statusCode: StatusCodes.Status404NotFound);
}
