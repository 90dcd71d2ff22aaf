using Planekeeper.Grains.Versioning;

namespace Planekeeper.Tests.Unit.Versioning;

/// <summary>A gather job's <c>latest_version</c>: the highest stable version by SemVer precedence, as published.</summary>
public class LatestVersionTests
{
    [Fact]
    public void Precedence_not_text_order_decides_and_the_published_text_is_kept() =>
        Assert.Equal("v1.10.0", VersionOrdering.HighestStable(["v1.9.3", "v1.10.0", "v1.2.0"])?.Text);

    [Fact]
    public void A_semver_prerelease_is_not_the_latest_even_when_higher() =>
        Assert.Equal("1.4.2", VersionOrdering.HighestStable(["1.4.2", "2.0.0-rc.1", "2.0.0-beta"])?.Text);

    [Fact]
    public void Text_that_is_not_a_version_is_left_out() =>
        Assert.Equal("0.9.0", VersionOrdering.HighestStable(["latest", "nightly-2026-01-01", "0.9.0"])?.Text);

    [Fact]
    public void Without_a_stable_version_there_is_none()
    {
        Assert.Null(VersionOrdering.HighestStable([]));
        Assert.Null(VersionOrdering.HighestStable(["3.0.0-alpha", "edge"]));
    }
}
