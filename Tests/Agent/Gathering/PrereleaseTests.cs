using Planekeeper.Agent.Gathering;
using Planekeeper.Versioning;

namespace Planekeeper.Tests.Agent.Gathering;

public sealed class PrereleaseTests
{
    [Theory]
    [InlineData("1.4.0-rc.1", true)]
    [InlineData("v2.0.0-beta", true)]
    [InlineData("V3.1.0-alpha.2+build.7", true)]
    [InlineData("1.25-alpine", true)]
    [InlineData("1.2.3", false)]
    [InlineData("v1.2.3", false)]
    [InlineData("1.2", false)]
    [InlineData("1.2.3.4", false)]
    [InlineData("1.2.3+build.5", false)]
    [InlineData("latest", false)]
    [InlineData("stable-alpine", false)]
    [InlineData("20240101-abc", false)]
    public void A_SemVer_prerelease_part_makes_a_prerelease(string version, bool prerelease) =>
        Assert.Equal(prerelease, Prerelease.Of(version));

    [Fact]
    public void Versions_order_by_SemVer_precedence()
    {
        string[] ascending = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "v1.0.0", "1.0.1", "1.2", "1.10.0", "2.0.0"];

        var ordered = ascending.Reverse().OrderBy(ReleaseVersion.Parse).ToList();

        Assert.Equal(ascending, ordered);
    }

    [Theory]
    [InlineData("1.2", 1, 2, 0)]
    [InlineData("v1.2.3.4", 1, 2, 3)]
    [InlineData("V10.20.30-rc.1+meta", 10, 20, 30)]
    public void Short_and_long_versions_read_by_their_first_three_parts(string text, long major, long minor, long patch)
    {
        var version = ReleaseVersion.Parse(text);

        Assert.Equal((major, minor, patch), (version!.Major, version.Minor, version.Patch));
    }
}
