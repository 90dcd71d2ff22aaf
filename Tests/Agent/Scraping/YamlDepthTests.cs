using Planekeeper.Agent.Scraping;
using Planekeeper.Agent.Work;

namespace Planekeeper.Tests.Agent.Scraping;

/// <summary>A deeply nested file in a scraped repository is a failed task with a readable error, never a crashed agent.</summary>
public sealed class YamlDepthTests
{
    private static string FlowNested(int depth) => new string('[', depth) + "1" + new string(']', depth);

    private static string BlockNested(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(level => new string(' ', level) + "k:\n")) + new string(' ', depth) + "v: 1.2.3\n";

    [Fact]
    public void A_file_nested_to_the_cap_is_read()
    {
        var expression = string.Concat(Enumerable.Repeat(".k", YamlDepthCheck.MaxDepth - 1)) + ".v";
        Assert.Equal("1.2.3", VersionReaders.For("yq", expression).Read(BlockNested(YamlDepthCheck.MaxDepth - 1), "values.yaml"));
    }

    [Fact]
    public void A_block_mapping_one_level_deeper_fails_the_task_naming_the_file()
    {
        var failure = Assert.Throws<TaskFailedException>(() => VersionReaders.For("yq", ".k").Read(BlockNested(YamlDepthCheck.MaxDepth), "values.yaml"));
        Assert.False(failure.Retryable);
        Assert.StartsWith($"values.yaml is nested more than {YamlDepthCheck.MaxDepth} levels deep (line ", failure.Message);
    }

    [Fact]
    public void A_hundred_thousand_nested_lists_fail_the_task_instead_of_the_process()
    {
        var failure = Assert.Throws<TaskFailedException>(() => VersionReaders.For("yq", ".a").Read(FlowNested(100_000), "deep.yaml"));
        Assert.False(failure.Retryable);
        Assert.Contains("nested more than", failure.Message);
    }

    [Fact]
    public void Deep_json_read_with_jq_fails_the_task_too()
    {
        var failure = Assert.Throws<TaskFailedException>(() => VersionReaders.For("jq", ".a").Read(FlowNested(100_000), "deep.json"));
        Assert.False(failure.Retryable);
        Assert.StartsWith("deep.json is not valid JSON", failure.Message);
    }
}
