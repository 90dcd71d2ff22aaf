using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Planekeeper.Agent.Http;

namespace Planekeeper.Agent.Gathering.Oci;

/// <summary>
/// A tag's digest and creation date: its manifest (for a multi-platform index, the linux/amd64 image's, else the
/// first real platform's), then the <c>org.opencontainers.image.created</c> annotation when the manifest has one,
/// else the config blob's <c>created</c>. Two or three requests per tag.
/// </summary>
internal static class OciManifests
{
    private const string ManifestTypes =
        "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, "
        + "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

    private const string CreatedAnnotation = "org.opencontainers.image.created";

    /// <returns>Null when the tag's manifest is gone or unreadable (the tag stays, undated).</returns>
    public static async Task<OciTagDetail?> ReadAsync(RegistrySession session, OciImage image, string tag, CancellationToken cancellationToken)
    {
        var manifest = await FetchAsync(session, image, image.ManifestUrl(tag), ManifestTypes, cancellationToken);
        return manifest is null ? null : new OciTagDetail(manifest.Digest, await CreatedAsync(session, image, manifest.Json, cancellationToken));
    }

    private static async Task<DateTimeOffset?> CreatedAsync(RegistrySession session, OciImage image, JsonElement manifest, CancellationToken cancellationToken)
    {
        if (Annotation(manifest) is { } annotated)
        {
            return annotated;
        }

        if (Property(manifest, "manifests") is { ValueKind: JsonValueKind.Array } platforms)
        {
            var chosen = Platform(platforms) is { } digest ? await FetchAsync(session, image, image.ManifestUrl(digest), ManifestTypes, cancellationToken) : null;
            return chosen is null ? null : Annotation(chosen.Json) ?? await ConfigCreatedAsync(session, image, chosen.Json, cancellationToken);
        }

        return await ConfigCreatedAsync(session, image, manifest, cancellationToken);
    }

    private static async Task<DateTimeOffset?> ConfigCreatedAsync(RegistrySession session, OciImage image, JsonElement manifest, CancellationToken cancellationToken)
    {
        if (Text(Property(Property(manifest, "config"), "digest")) is not { } digest)
        {
            return null;
        }

        var config = await FetchAsync(session, image, image.BlobUrl(digest), "application/json", cancellationToken);
        return config is null ? null : Rfc3339.Parse(Text(Property(config.Json, "created")));
    }

    private static DateTimeOffset? Annotation(JsonElement manifest) =>
        Rfc3339.Parse(Text(Property(Property(manifest, "annotations"), CreatedAnnotation)));

    /// <summary>linux/amd64, else the first platform that is not a build attestation (unknown/unknown).</summary>
    private static string? Platform(JsonElement platforms)
    {
        var entries = platforms.EnumerateArray()
            .Select(entry => (Digest: Text(Property(entry, "digest")), Os: Text(Property(Property(entry, "platform"), "os")),
                Architecture: Text(Property(Property(entry, "platform"), "architecture"))))
            .Where(entry => entry.Digest is not null && entry.Os != "unknown")
            .ToList();
        return entries.FirstOrDefault(entry => entry is { Os: "linux", Architecture: "amd64" }).Digest ?? entries.FirstOrDefault().Digest;
    }

    private static async Task<FetchedDocument?> FetchAsync(RegistrySession session, OciImage image, Uri url, string accept, CancellationToken cancellationToken)
    {
        using var response = await session.GetAsync(url, accept, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw UpstreamFailure.FromStatus(response, $"the registry {image.Registry}", $"{url} answered 404");
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : $"sha256:{Convert.ToHexStringLower(SHA256.HashData(bytes))}";
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return new FetchedDocument(document.RootElement.Clone(), digest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement? element) => element is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) ? property : null;

    private sealed record FetchedDocument(JsonElement Json, string Digest);
}
