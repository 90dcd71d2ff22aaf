using Planekeeper.WebFrontend.Api.Concurrency;

namespace Planekeeper.Tests.Unit.Hosting;

/// <summary>Reading <c>If-Match</c> (RFC 9110 §13.1.1) into the versions a write may replace (docs/api.md, "ETags and If-Match").</summary>
public class IfMatchTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("*")]
    [InlineData(" * ")]
    public void No_header_or_a_star_is_no_condition(string? header)
    {
        var ifMatch = IfMatch.Parse([header]);
        Assert.False(ifMatch.IsMalformed);
        Assert.Null(ifMatch.Expected);
    }

    [Theory]
    [InlineData("\"7\"", new[] { 7 })]
    [InlineData("\"7\", \"9\"", new[] { 7, 9 })]
    [InlineData("\"7\",W/\"8\"", new[] { 7 })]
    [InlineData("W/\"7\"", new int[0])]
    [InlineData("\"abc\"", new int[0])]
    [InlineData("\"-1\"", new int[0])]
    [InlineData("\"99999999999\"", new int[0])]
    [InlineData("\"\"", new int[0])]
    public void Strong_tags_of_a_version_name_versions_and_every_other_tag_matches_nothing(string header, int[] versions)
    {
        var ifMatch = IfMatch.Parse([header]);
        Assert.False(ifMatch.IsMalformed);
        Assert.Equal(versions, ifMatch.Expected!.Versions);
    }

    [Fact]
    public void Several_header_lines_are_one_list()
    {
        Assert.Equal([3, 4], IfMatch.Parse(["\"3\"", "\"4\""]).Expected!.Versions);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("\"7")]
    [InlineData("W/7")]
    [InlineData("\"a b\"")]
    [InlineData("\"7\" \"8\"")]
    [InlineData("*, \"7\"")]
    [InlineData(",")]
    public void Anything_else_is_malformed(string header)
    {
        var ifMatch = IfMatch.Parse([header]);
        Assert.True(ifMatch.IsMalformed);
        Assert.Null(ifMatch.Expected);
    }

    [Fact]
    public void An_ETag_is_the_quoted_version()
    {
        Assert.Equal("\"12\"", EntityTag.Of(12));
        Assert.Equal(12, IfMatch.Parse([EntityTag.Of(12)]).Expected!.Versions.Single());
    }
}
