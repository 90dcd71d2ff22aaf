using Planekeeper.Grains.Jobs.HelmSync;

namespace Planekeeper.Tests.Unit.Jobs;

public class HelmSyncJobValidatorTests
{
    private static readonly HelmSyncJobInput ValidInput = new("Bitnami", "https://charts.bitnami.com/bitnami", null, null, null, null);

    [Fact]
    public void Minimal_input_is_valid()
    {
        var definition = ValidationAssert.Valid(HelmSyncJobValidator.Validate(ValidInput));

        Assert.Equal("Bitnami", definition.Name);
        Assert.Equal("https://charts.bitnami.com/bitnami", definition.RepositoryUrl);
        Assert.Null(definition.ChartFilter);
        Assert.Null(definition.Schedule);
        Assert.Null(definition.CredentialName);
        Assert.Empty(definition.Labels);
    }

    [Theory]
    [InlineData("https://charts.bitnami.com/bitnami/", "https://charts.bitnami.com/bitnami")]
    [InlineData("https://charts.bitnami.com/bitnami//", "https://charts.bitnami.com/bitnami")]
    [InlineData("  http://charts.internal:8080/  ", "http://charts.internal:8080")]
    [InlineData("https://example.com", "https://example.com")]
    [InlineData("HTTPS://Charts.Example.com/stable", "HTTPS://Charts.Example.com/stable")]
    public void Repository_url_is_normalized(string url, string expected)
    {
        Assert.Equal(expected, ValidationAssert.Valid(HelmSyncJobValidator.Validate(ValidInput with { RepositoryUrl = url })).RepositoryUrl);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("charts.bitnami.com/bitnami")]
    [InlineData("oci://registry.example.com/charts")]
    [InlineData("ftp://charts.example.com")]
    [InlineData("https://")]
    [InlineData("file:///srv/charts")]
    [InlineData("https://charts.example.com/my charts")]
    [InlineData("https://user:secret@charts.example.com")]
    public void Bad_repository_urls_are_refused(string? url)
    {
        ValidationAssert.OnlyError(HelmSyncJobValidator.Validate(ValidInput with { RepositoryUrl = url }), "repository_url");
    }

    [Theory]
    [InlineData("^nginx$")]
    [InlineData("^(redis|postgresql)")]
    public void Chart_filter_that_compiles_is_kept(string filter)
    {
        Assert.Equal(filter, ValidationAssert.Valid(HelmSyncJobValidator.Validate(ValidInput with { ChartFilter = filter })).ChartFilter);
    }

    [Theory]
    [InlineData("(")]
    [InlineData("*nginx")]
    public void Chart_filter_that_does_not_compile_is_refused(string filter)
    {
        var errors = ValidationAssert.OnlyError(HelmSyncJobValidator.Validate(ValidInput with { ChartFilter = filter }), "chart_filter");

        Assert.StartsWith("chart_filter is not a valid regular expression: ", errors[0]);
    }
}
