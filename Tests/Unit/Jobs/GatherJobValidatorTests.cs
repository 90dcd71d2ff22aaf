using Planekeeper.Grains.Jobs;

namespace Planekeeper.Tests.Unit.Jobs;

public class GatherJobValidatorTests
{
    private static Validated<GatherJobDefinition> Validate(string source, string? artifact, string? schedule = null, string? credential = null, string? tagFilter = null, string? name = "job") =>
        GatherJobValidator.Validate(new GatherJobInput(name, source, artifact, schedule, credential, tagFilter, null));

    [Theory]
    [InlineData("github_releases", "github.com/kubernetes/kubernetes", "github.com/kubernetes/kubernetes")]
    [InlineData("github_releases", "https://github.com/argoproj/argo-cd/", "github.com/argoproj/argo-cd")]
    [InlineData("github_releases", "github.com/acme/api.git", "github.com/acme/api")]
    [InlineData("helm_repository", "https://charts.bitnami.com/bitnami/nginx/", "charts.bitnami.com/bitnami/nginx")]
    [InlineData("helm_repository", "charts.example.com:8443/stable/app", "charts.example.com:8443/stable/app")]
    [InlineData("oci_registry", "ghcr.io/org/image", "ghcr.io/org/image")]
    [InlineData("oci_registry", "registry.example.com:5000/team/app", "registry.example.com:5000/team/app")]
    [InlineData("oci_registry", "docker.io/library/nginx", "docker.io/library/nginx")]
    public void Artifact_names_are_normalized(string source, string artifact, string expected)
    {
        var result = Validate(source, artifact);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        Assert.Equal(expected, result.Value!.ArtifactName);
    }

    [Theory]
    [InlineData("github_releases", "github.com/only-owner")]
    [InlineData("github_releases", "gitlab.com/acme/api")]
    [InlineData("helm_repository", "nginx")]
    [InlineData("oci_registry", "ghcr.io/org/image:1.2.3")]
    [InlineData("oci_registry", "ghcr.io/org/image@sha256:abc")]
    [InlineData("oci_registry", "ghcr.io/Org/Image")]
    [InlineData("oci_registry", "image")]
    [InlineData("github_releases", null)]
    public void Malformed_artifact_names_are_refused(string source, string? artifact)
    {
        Assert.Equal(["artifact_name"], Validate(source, artifact).Errors.Keys);
    }

    [Theory]
    [InlineData("schedule", "0 0 * * * *")]
    [InlineData("credential_name", "with space")]
    [InlineData("tag_filter", "v(")]
    [InlineData("name", "")]
    [InlineData("source_type", "ftp")]
    public void Each_invalid_field_is_named(string field, string value)
    {
        var result = field switch
        {
            "schedule" => Validate("github_releases", "github.com/a/b", schedule: value),
            "credential_name" => Validate("github_releases", "github.com/a/b", credential: value),
            "tag_filter" => Validate("github_releases", "github.com/a/b", tagFilter: value),
            "name" => Validate("github_releases", "github.com/a/b", name: value),
            _ => Validate(value, "github.com/a/b"),
        };

        Assert.Equal([field], result.Errors.Keys);
    }

    [Fact]
    public void Labels_are_limited()
    {
        var tooMany = Enumerable.Range(0, 33).ToDictionary(i => $"k{i}", i => "v");
        var badKey = new Dictionary<string, string> { ["Team Name"] = "x" };

        Assert.Contains("labels", GatherJobValidator.Validate(new GatherJobInput("j", "github_releases", "github.com/a/b", null, null, null, tooMany)).Errors.Keys);
        Assert.Contains("labels", GatherJobValidator.Validate(new GatherJobInput("j", "github_releases", "github.com/a/b", null, null, null, badKey)).Errors.Keys);
    }
}
