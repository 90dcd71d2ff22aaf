using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.Oci;

/// <summary>
/// An oci_registry artifact, <c>registry[:port]/repository</c> (<c>ghcr.io/org/image</c>,
/// <c>registry.example.com:5000/team/app</c>). Docker Hub's conventions apply: docker.io is served at
/// registry-1.docker.io, and a single-segment repository there is an official image, <c>library/&lt;name&gt;</c>.
/// </summary>
internal sealed record OciImage(string Artifact, string Registry, Uri RegistryUrl, string Repository)
{
    public static OciImage Parse(string artifactName, Func<string, bool> usePlainHttp)
    {
        var artifact = artifactName.Trim().TrimEnd('/');
        var slash = artifact.IndexOf('/');
        if (slash <= 0 || slash == artifact.Length - 1 || artifact.Contains('@') || artifact.Contains("://"))
        {
            throw Invalid(artifactName);
        }

        var (registry, repository) = DockerHub(artifact[..slash].ToLowerInvariant(), artifact[(slash + 1)..]);
        var scheme = usePlainHttp(registry) ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        return Uri.TryCreate($"{scheme}://{registry}/", UriKind.Absolute, out var url)
            ? new OciImage(artifact, registry, url, repository)
            : throw Invalid(artifactName);
    }

    public string PullScope => $"repository:{Repository}:pull";

    public Uri TagsUrl(int pageSize) => new(RegistryUrl, $"v2/{Repository}/tags/list?n={pageSize}");

    public Uri ManifestUrl(string reference) => new(RegistryUrl, $"v2/{Repository}/manifests/{reference}");

    public Uri BlobUrl(string digest) => new(RegistryUrl, $"v2/{Repository}/blobs/{digest}");

    private static (string Registry, string Repository) DockerHub(string registry, string repository) => registry is "docker.io" or "index.docker.io"
        ? ("registry-1.docker.io", repository.Contains('/') ? repository : $"library/{repository}")
        : (registry, repository);

    private static TaskFailedException Invalid(string artifactName) =>
        new($"artifact_name '{artifactName}' is not <registry>/<repository> of an OCI image (without tag or digest)", retryable: false);
}
