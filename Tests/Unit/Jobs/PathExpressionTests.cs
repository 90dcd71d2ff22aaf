using Planekeeper.Scraping;

namespace Planekeeper.Tests.Unit.Jobs;

public class PathExpressionTests
{
    public static TheoryData<string, PathSegment[]> ValidPaths => new()
    {
        { ".version", [new KeySegment("version")] },
        { ".dependencies[0].version", [new KeySegment("dependencies"), new IndexSegment(0), new KeySegment("version")] },
        {
            ".spec.template.spec.containers[1].image",
            [new KeySegment("spec"), new KeySegment("template"), new KeySegment("spec"), new KeySegment("containers"), new IndexSegment(1), new KeySegment("image")]
        },
        { ".[\"app.kubernetes.io/version\"]", [new KeySegment("app.kubernetes.io/version")] },
        { ".['app.kubernetes.io/version']", [new KeySegment("app.kubernetes.io/version")] },
        { ".metadata.labels[\"helm.sh/chart\"]", [new KeySegment("metadata"), new KeySegment("labels"), new KeySegment("helm.sh/chart")] },
        { ".a.[\"b c\"]", [new KeySegment("a"), new KeySegment("b c")] },
        { ".[0]", [new IndexSegment(0)] },
        { ".matrix[2][10]", [new KeySegment("matrix"), new IndexSegment(2), new IndexSegment(10)] },
        { ".snake_case-and-dash.X9", [new KeySegment("snake_case-and-dash"), new KeySegment("X9")] },
        { ".[\"say \\\"hi\\\"\"]", [new KeySegment("say \"hi\"")] },
        { ".['it\\'s']", [new KeySegment("it's")] },
        { ".[\"\"]", [new KeySegment("")] },
    };

    [Theory]
    [MemberData(nameof(ValidPaths))]
    public void Valid_paths_parse_into_segments(string expression, PathSegment[] expected)
    {
        Assert.True(PathExpression.TryParse(expression, out var segments, out var error), error);
        Assert.Null(error);
        Assert.Equal(expected, segments);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("version", 1)]
    [InlineData("[0]", 1)]
    [InlineData(".", 2)]
    [InlineData("..", 2)]
    [InlineData("..version", 2)]
    [InlineData(".version.", 10)]
    [InlineData(".a b", 3)]
    [InlineData(" .a", 1)]
    [InlineData(".a[", 4)]
    [InlineData(".a[-1]", 4)]
    [InlineData(".a[x]", 4)]
    [InlineData(".a[1", 5)]
    [InlineData(".a[1x]", 5)]
    [InlineData(".a[99999999999]", 4)]
    [InlineData(".a[\"b]", 4)]
    [InlineData(".a['b\"]", 4)]
    [InlineData(".a[\"b\"", 7)]
    [InlineData(".a.b$", 5)]
    [InlineData(".a|.b", 3)]
    [InlineData(".a[]", 4)]
    [InlineData(".a.[", 5)]
    [InlineData(".ä", 2)]
    public void Invalid_paths_name_the_position(string expression, int position)
    {
        Assert.False(PathExpression.TryParse(expression, out var segments, out var error));
        Assert.Empty(segments);
        Assert.EndsWith($"(position {position})", error);
    }
}
