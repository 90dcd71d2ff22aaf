using Planekeeper.Versioning;

namespace Planekeeper.Tests.Unit.Jobs;

public class VersionTransformTests
{
    [Theory]
    [InlineData("none", "1.2.3", "1.2.3")]
    [InlineData("none", "v1.2.3", "v1.2.3")]
    [InlineData("none", "  1.2.3\n", "1.2.3")]
    [InlineData("add_v_lower", "1.2.3", "v1.2.3")]
    [InlineData("add_v_lower", "v1.2.3", "v1.2.3")]
    [InlineData("add_v_lower", "V1.2.3", "v1.2.3")]
    [InlineData("add_v_lower", " 1.2.3 ", "v1.2.3")]
    [InlineData("add_v_upper", "1.2.3", "V1.2.3")]
    [InlineData("add_v_upper", "v1.2.3", "V1.2.3")]
    [InlineData("add_v_upper", "V1.2.3", "V1.2.3")]
    [InlineData("strip_v_lower", "v1.2.3", "1.2.3")]
    [InlineData("strip_v_lower", "V1.2.3", "V1.2.3")]
    [InlineData("strip_v_lower", "1.2.3", "1.2.3")]
    [InlineData("strip_v_lower", " v1.2.3 ", "1.2.3")]
    [InlineData("strip_v_lower", "vv1", "v1")]
    [InlineData("strip_v_upper", "V1.2.3", "1.2.3")]
    [InlineData("strip_v_upper", "v1.2.3", "v1.2.3")]
    [InlineData("strip_v_upper", "1.2.3", "1.2.3")]
    public void Applies(string transform, string version, string expected)
    {
        Assert.Equal(expected, VersionTransform.Apply(transform, version));
    }

    [Fact]
    public void Unknown_transform_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VersionTransform.Apply("upper", "1.0"));
    }
}
