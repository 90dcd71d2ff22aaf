using Planekeeper.Grains.Versioning;
using Planekeeper.Versioning;

namespace Planekeeper.Tests.Unit.Versioning;

public class ReleaseVersionTests
{
    [Theory]
    [InlineData("1.2.3", 1, 2, 3, false)]
    [InlineData("v1.2.3", 1, 2, 3, false)]
    [InlineData("V1.2.3", 1, 2, 3, false)]
    [InlineData("  v1.2.3 ", 1, 2, 3, false)]
    [InlineData("1.2", 1, 2, 0, false)]
    [InlineData("v1.29", 1, 29, 0, false)]
    [InlineData("1.2.3.4", 1, 2, 3, false)]
    [InlineData("1.2.3.4-rc.1", 1, 2, 3, true)]
    [InlineData("1.2.3+build.7", 1, 2, 3, false)]
    [InlineData("1.2.3-rc.1", 1, 2, 3, true)]
    [InlineData("2.0.0-beta+exp.sha.5114f85", 2, 0, 0, true)]
    [InlineData("2024.01.15", 2024, 1, 15, false)]
    public void Lenient_forms_parse_as_the_spec_says(string text, long major, long minor, long patch, bool prerelease)
    {
        var version = ReleaseVersion.Parse(text)!;
        Assert.Equal((major, minor, patch, prerelease), (version.Major, version.Minor, version.Patch, version.IsPrerelease));
        Assert.Equal(text, version.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("stable-alpine")]
    [InlineData("1")]
    [InlineData("v")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.x")]
    [InlineData("vv1.2.3")]
    [InlineData("1.2.3-")]
    public void Text_that_is_not_a_version_does_not_parse(string? text) => Assert.Null(ReleaseVersion.Parse(text));

    [Fact]
    public void Build_metadata_and_the_v_prefix_do_not_change_the_order()
    {
        Assert.Equal(0, ReleaseVersion.Parse("1.2.3+a")!.CompareTo(ReleaseVersion.Parse("v1.2.3+b")));
        Assert.Equal(0, ReleaseVersion.Parse("1.2")!.CompareTo(ReleaseVersion.Parse("1.2.0")));
    }

    [Fact]
    public void The_highest_ignores_text_that_is_not_a_version() =>
        Assert.Equal("v10.0.0", VersionOrdering.Highest(["v9.1.0", "latest", "v10.0.0", "v10.0.0-rc.1", "nightly"])!.Text);
}
