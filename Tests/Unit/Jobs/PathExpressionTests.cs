using Planekeeper.Grains.Jobs;

namespace Planekeeper.Tests.Unit.Jobs;

public class PathExpressionTests
{
    [Theory]
    [InlineData(".version", "version")]
    [InlineData(".dependencies[0].version", "dependencies|#0|version")]
    [InlineData(".spec.template.spec.containers[1].image", "spec|template|spec|containers|#1|image")]
    [InlineData(".[\"app.kubernetes.io/version\"]", "app.kubernetes.io/version")]
    [InlineData(".metadata.labels['app.kubernetes.io/name']", "metadata|labels|app.kubernetes.io/name")]
    [InlineData(".image-tag", "image-tag")]
    public void Paths_parse_into_keys_and_indexes(string expression, string expected)
    {
        Assert.True(PathExpression.TryParse(expression, out var segments, out var error), error);
        Assert.Equal(expected, string.Join('|', segments.Select(s => s.Key ?? $"#{s.Index}")));
    }

    [Theory]
    [InlineData(".", "expected a key")]
    [InlineData("version", "starts with '.'")]
    [InlineData(".a[x]", "position 3")]
    [InlineData(".a[\"unterminated", "unterminated")]
    [InlineData(".a..b", "position 4")]
    [InlineData(".a b", "position 3")]
    public void Malformed_paths_say_where(string expression, string expected)
    {
        Assert.False(PathExpression.TryParse(expression, out _, out var error));
        Assert.Contains(expected, error);
    }
}
