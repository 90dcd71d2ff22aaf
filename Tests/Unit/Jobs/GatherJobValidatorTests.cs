using Planekeeper.Grains.Jobs;
using Planekeeper.Grains.Jobs.Gather;

namespace Planekeeper.Tests.Unit.Jobs;

public class GatherJobValidatorTests
{
    private static readonly GatherJobInput ValidInput = new(
        "Kubernetes", "github_releases", "github.com/kubernetes/kubernetes", null, null, null, null);

    [Fact]
    public void Minimal_input_is_valid_with_defaults()
    {
        var definition = ValidationAssert.Valid(GatherJobValidator.Validate(ValidInput));

        Assert.Equal("Kubernetes", definition.Name);
        Assert.Equal("github_releases", definition.SourceType);
        Assert.Equal("github.com/kubernetes/kubernetes", definition.ArtifactName);
        Assert.Null(definition.Schedule);
        Assert.Null(definition.CredentialName);
        Assert.Null(definition.TagFilter);
        Assert.Empty(definition.Labels);
    }

    [Fact]
    public void Full_input_is_kept()
    {
        var input = new GatherJobInput(
            "  nginx chart ", "helm_repository", "https://charts.bitnami.com/bitnami/nginx/", " */15 * * * * ", "bitnami-read.only_1",
            @"^\d+\.\d+\.\d+$", new Dictionary<string, string> { ["team"] = "platform", ["app.kubernetes.io/name"] = "nginx" });

        var definition = ValidationAssert.Valid(GatherJobValidator.Validate(input));

        Assert.Equal("nginx chart", definition.Name);
        Assert.Equal("charts.bitnami.com/bitnami/nginx", definition.ArtifactName);
        Assert.Equal("*/15 * * * *", definition.Schedule);
        Assert.Equal("bitnami-read.only_1", definition.CredentialName);
        Assert.Equal(@"^\d+\.\d+\.\d+$", definition.TagFilter);
        Assert.Equal("platform", definition.Labels["team"]);
        Assert.Equal(2, definition.Labels.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("github")]
    [InlineData("GITHUB_RELEASES")]
    [InlineData("docker_hub")]
    public void Unknown_source_type_lists_the_choices(string? sourceType)
    {
        var errors = ValidationAssert.OnlyError(GatherJobValidator.Validate(ValidInput with { SourceType = sourceType }), "source_type");

        Assert.Contains("github_releases, helm_repository, oci_registry", errors[0]);
    }

    [Theory]
    [InlineData("github.com/kubernetes/kubernetes", "github.com/kubernetes/kubernetes")]
    [InlineData("https://github.com/kubernetes/kubernetes", "github.com/kubernetes/kubernetes")]
    [InlineData("https://github.com/kubernetes/kubernetes/", "github.com/kubernetes/kubernetes")]
    [InlineData("https://github.com/kubernetes/kubernetes.git", "github.com/kubernetes/kubernetes")]
    [InlineData("github.com/argoproj/argo-cd.git/", "github.com/argoproj/argo-cd")]
    [InlineData("  github.com/Owner-1/repo_name.js  ", "github.com/Owner-1/repo_name.js")]
    [InlineData("GitHub.com/a/b", "github.com/a/b")]
    public void GitHub_artifacts_are_normalized(string artifact, string expected)
    {
        AssertNormalized("github_releases", artifact, expected);
    }

    [Theory]
    [InlineData("kubernetes/kubernetes")]
    [InlineData("http://github.com/kubernetes/kubernetes")]
    [InlineData("gitlab.com/kubernetes/kubernetes")]
    [InlineData("www.github.com/a/b")]
    [InlineData("github.com/kubernetes")]
    [InlineData("github.com/a/b/c")]
    [InlineData("github.com/a/b/releases")]
    [InlineData("github.com//b")]
    [InlineData("github.com/a_b/c")]
    [InlineData("github.com/a/b c")]
    [InlineData("github.com/a/..")]
    [InlineData("github.com/a/.git")]
    [InlineData("github.com/a/b?tab=readme")]
    public void Malformed_github_artifacts_name_the_expected_form(string artifact)
    {
        var errors = ValidationAssert.OnlyError(Validate("github_releases", artifact), "artifact_name");

        Assert.Contains("github.com/<owner>/<repo>", errors[0]);
    }

    [Fact]
    public void GitHub_owner_and_repo_lengths_are_limited()
    {
        Assert.True(Validate("github_releases", $"github.com/{new string('o', 39)}/{new string('r', 100)}").IsValid);
        ValidationAssert.OnlyError(Validate("github_releases", $"github.com/{new string('o', 40)}/r"), "artifact_name");
        ValidationAssert.OnlyError(Validate("github_releases", $"github.com/o/{new string('r', 101)}"), "artifact_name");
    }

    [Theory]
    [InlineData("https://charts.bitnami.com/bitnami/nginx/", "charts.bitnami.com/bitnami/nginx")]
    [InlineData("http://charts.example.com/nginx", "charts.example.com/nginx")]
    [InlineData("charts.example.com:8443/stable/my_chart~x//", "charts.example.com:8443/stable/my_chart~x")]
    [InlineData("localhost/nginx", "localhost/nginx")]
    [InlineData("charts.example.com/a/b/c/Chart-1.0", "charts.example.com/a/b/c/Chart-1.0")]
    public void Helm_artifacts_are_normalized(string artifact, string expected)
    {
        AssertNormalized("helm_repository", artifact, expected);
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("charts.bitnami.com")]
    [InlineData("https://charts.bitnami.com/")]
    [InlineData("charts.bitnami.com//nginx")]
    [InlineData("charts.bitnami.com/bit nami/nginx")]
    [InlineData("charts.bitnami.com/bitnami/../nginx")]
    [InlineData("charts.bitnami.com/nginx?x=1")]
    [InlineData("oci://registry.example.com/nginx")]
    [InlineData("-bad.host/nginx")]
    [InlineData("host:port/nginx")]
    public void Malformed_helm_artifacts_are_refused(string artifact)
    {
        ValidationAssert.OnlyError(Validate("helm_repository", artifact), "artifact_name");
    }

    [Theory]
    [InlineData("ghcr.io/org/image")]
    [InlineData("registry.example.com:5000/team/app")]
    [InlineData("docker.io/library/nginx")]
    [InlineData("localhost/app")]
    [InlineData("localhost:5000/a/b/c")]
    [InlineData("quay.io/org/my-app.v2_x")]
    public void Oci_references_are_accepted(string artifact)
    {
        AssertNormalized("oci_registry", artifact, artifact);
    }

    [Theory]
    [InlineData("ghcr.io/org/image:1.2.3")]
    [InlineData("ghcr.io/org/image:latest")]
    [InlineData("registry.example.com:5000/team/app:v1")]
    [InlineData("docker.io/library/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Oci_tags_and_digests_are_refused(string artifact)
    {
        var errors = ValidationAssert.OnlyError(Validate("oci_registry", artifact), "artifact_name");

        Assert.Contains("tags are discovered, not given", errors[0]);
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("library/nginx")]
    [InlineData("ghcr.io")]
    [InlineData("ghcr.io/")]
    [InlineData("ghcr.io/Org/Image")]
    [InlineData("ghcr.io/org//image")]
    [InlineData("ghcr.io/org/-image")]
    [InlineData("ghcr.io/org/image-")]
    [InlineData("ghcr.io/org/im..age")]
    [InlineData("https://ghcr.io/org/image")]
    public void Malformed_oci_references_are_refused(string artifact)
    {
        ValidationAssert.OnlyError(Validate("oci_registry", artifact), "artifact_name");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Artifact_name_is_required(string? artifact)
    {
        ValidationAssert.OnlyError(Validate("github_releases", artifact), "artifact_name");
    }

    [Fact]
    public void Unknown_source_type_does_not_also_blame_the_artifact()
    {
        ValidationAssert.OnlyError(Validate("nope", "anything at all"), "source_type");
    }

    [Theory]
    [InlineData(@"^v?\d+\.\d+\.\d+$")]
    [InlineData("^release-")]
    public void Tag_filter_that_compiles_is_kept(string filter)
    {
        var definition = ValidationAssert.Valid(GatherJobValidator.Validate(ValidInput with { TagFilter = filter }));

        Assert.Equal(filter, definition.TagFilter);
    }

    [Theory]
    [InlineData("(")]
    [InlineData("[a-")]
    [InlineData(@"\")]
    [InlineData("a{2,1}")]
    public void Tag_filter_that_does_not_compile_reports_the_parser_message(string filter)
    {
        var errors = ValidationAssert.OnlyError(GatherJobValidator.Validate(ValidInput with { TagFilter = filter }), "tag_filter");

        Assert.StartsWith("tag_filter is not a valid regular expression: ", errors[0]);
        Assert.True(errors[0].Length > "tag_filter is not a valid regular expression: ".Length);
    }

    [Fact]
    public void Several_invalid_fields_are_all_reported()
    {
        var result = GatherJobValidator.Validate(new GatherJobInput("", "oci_registry", "nginx:latest", "bad", "no spaces", "(", null));

        Assert.Equal(
            ["artifact_name", "credential_name", "name", "schedule", "tag_filter"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    private static Validated<GatherJobDefinition> Validate(string sourceType, string? artifact) =>
        GatherJobValidator.Validate(ValidInput with { SourceType = sourceType, ArtifactName = artifact });

    private static void AssertNormalized(string sourceType, string artifact, string expected)
    {
        var definition = ValidationAssert.Valid(Validate(sourceType, artifact));

        Assert.Equal(expected, definition.ArtifactName);
    }
}
