using Planekeeper.Agent.Gathering;
using Planekeeper.Agent.Work;

namespace Planekeeper.Tests.Agent.Gathering;

public sealed class TagFilterTests
{
    [Theory]
    [InlineData(null, "v1.2.3", true)]
    [InlineData("", "anything", true)]
    [InlineData(@"^v1\.", "v1.2.3", true)]
    [InlineData(@"^v1\.", "v2.0.0", false)]
    [InlineData("alpine", "1.25.3-alpine", true)]
    [InlineData(@"^\d+\.\d+\.\d+$", "1.25.3-alpine", false)]
    public void A_version_is_kept_when_the_pattern_matches_it_anywhere(string? pattern, string version, bool kept) =>
        Assert.Equal(kept, new TagFilter(pattern).Allows(version));

    [Fact]
    public void A_bad_pattern_fails_not_retryable_naming_it()
    {
        var failure = Assert.Throws<TaskFailedException>(() => new TagFilter("^v(1|2"));

        Assert.False(failure.Retryable);
        Assert.StartsWith("tag_filter '^v(1|2' is not a valid regular expression: ", failure.Message);
    }

    [Fact]
    public void A_pattern_that_runs_too_long_fails_not_retryable()
    {
        var filter = new TagFilter("^(a+)+$");

        var failure = Assert.Throws<TaskFailedException>(() => filter.Allows(new string('a', 40) + "!"));

        Assert.False(failure.Retryable);
        Assert.StartsWith("tag_filter '^(a+)+$' took longer than 1 s on 'aaaa", failure.Message);
    }

    [Fact]
    public void The_field_is_named_in_failures() =>
        Assert.StartsWith("chart_filter '[' ", Assert.Throws<TaskFailedException>(() => new TagFilter("[", "chart_filter")).Message);

    [Fact]
    public void The_matches_of_one_task_share_a_time_budget()
    {
        var filter = new TagFilter("^(a+)+$", budget: TimeSpan.FromMilliseconds(100));
        var slowName = new string('a', 18) + "!";

        var failure = Assert.Throws<TaskFailedException>(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                filter.Allows(slowName);
            }
        });

        Assert.False(failure.Retryable);
        Assert.Matches(@"^tag_filter '\^\(a\+\)\+\$' took more than 0\.1 s in all on \d+ names; simplify the pattern$", failure.Message);
    }
}
