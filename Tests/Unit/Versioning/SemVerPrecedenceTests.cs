using Planekeeper.Grains.Versioning;
using Planekeeper.Versioning;

namespace Planekeeper.Tests.Unit.Versioning;

/// <summary>The precedence examples of the SemVer 2.0.0 specification, §11.</summary>
public class SemVerPrecedenceTests
{
    public static TheoryData<string[]> Ascending => new()
    {
        new[] { "1.0.0", "2.0.0", "2.1.0", "2.1.1" },
        new[] { "1.0.0-alpha", "1.0.0" },
        new[] { "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0" },
    };

    [Theory]
    [MemberData(nameof(Ascending))]
    public void Each_version_precedes_the_next(string[] ascending)
    {
        for (var i = 0; i + 1 < ascending.Length; i++)
        {
            var (lower, higher) = (ReleaseVersion.Parse(ascending[i])!, ReleaseVersion.Parse(ascending[i + 1])!);
            Assert.True(lower < higher, $"{lower} < {higher}");
            Assert.True(higher > lower, $"{higher} > {lower}");
        }
    }

    [Theory]
    [MemberData(nameof(Ascending))]
    public void Sorting_a_shuffled_list_gives_the_spec_order(string[] ascending)
    {
        var shuffled = ascending.Reverse().Concat(ascending.Where((_, i) => i % 2 == 0)).Distinct().ToList();
        Assert.Equal(ascending, VersionOrdering.Descending(shuffled).Reverse().Select(v => v.Text).ToArray());
    }

    [Theory]
    [InlineData("1.0.0+20130313144700", "1.0.0+exp.sha.5114f85")]
    [InlineData("1.0.0-beta+exp.sha.5114f85", "1.0.0-beta")]
    public void Build_metadata_is_ignored_for_precedence(string left, string right) =>
        Assert.Equal(0, ReleaseVersion.Parse(left)!.CompareTo(ReleaseVersion.Parse(right)));
}
