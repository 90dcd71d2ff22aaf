using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Tests.Unit.Access;

public class WildcardPatternTests
{
    [Theory]
    [InlineData("*", "gather-jobs", true)]
    [InlineData("*", "", true)]
    [InlineData("**", "x", true)]
    [InlineData("gather-jobs", "gather-jobs", true)]
    [InlineData("gather-*", "gather-jobs", true)]
    [InlineData("gather-*", "gather-", true)]
    [InlineData("gather-*", "scrape-jobs", false)]
    [InlineData("*-jobs", "scrape-jobs", true)]
    [InlineData("*-jobs", "helm-sync-jobs", true)]
    [InlineData("*-jobs", "releases", false)]
    [InlineData("org:*", "org:2", true)]
    [InlineData("*sync*", "helm-sync-jobs", true)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "aXbY", false)]
    [InlineData("*ab", "aab", true)]
    [InlineData("*aab", "aaab", true)]
    public void Star_matches_any_run_of_characters(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, WildcardPattern.Matches(pattern, value));
    }

    [Theory]
    [InlineData("gather", "gather-jobs")]
    [InlineData("jobs", "gather-jobs")]
    [InlineData("gather-jobs", "gather")]
    [InlineData("gather-jobs", "gather-jobs2")]
    [InlineData("org:2", "org:23")]
    [InlineData("", "x")]
    public void Without_a_wildcard_only_the_exact_value_matches(string pattern, string value)
    {
        Assert.False(WildcardPattern.Matches(pattern, value));
    }

    [Theory]
    [InlineData("Gather-Jobs", "gather-jobs")]
    [InlineData("gather-*", "GATHER-jobs")]
    [InlineData("LIST", "list")]
    public void Matching_is_case_sensitive(string pattern, string value)
    {
        Assert.False(WildcardPattern.Matches(pattern, value));
    }

    [Fact]
    public void Empty_pattern_matches_only_the_empty_value()
    {
        Assert.True(WildcardPattern.Matches("", ""));
    }

    [Theory]
    [InlineData("gather-*", true)]
    [InlineData("*", true)]
    [InlineData("gather-jobs", false)]
    public void HasWildcard_detects_a_star(string pattern, bool expected)
    {
        Assert.Equal(expected, WildcardPattern.HasWildcard(pattern));
    }
}
