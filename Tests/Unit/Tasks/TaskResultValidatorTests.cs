using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Tests.Unit.Tasks;

public class TaskResultValidatorTests
{
    private static readonly FoundRelease Release = new("v1.29.4", null, false, null, null);
    private static readonly FoundVersion Version = new("1.29.4", "abc123");
    private static readonly FoundChart Chart = new("nginx", "1.2.3", "1.25.0");

    private static TaskResult Releases(params FoundRelease[] releases) => new(releases, null, null);

    private static TaskResult Charts(params FoundChart[] charts) => new(null, null, charts);

    /// <summary>A result of <paramref name="kind"/> reporting its own field correctly.</summary>
    private static TaskResult ValidFor(string kind) => kind switch
    {
        JobRef.Gather => Releases(Release),
        JobRef.Scrape => new TaskResult(null, Version, null),
        _ => Charts(Chart),
    };

    private static string[] Fields(string kind, TaskResult result)
    {
        var errors = TaskResultValidator.Validate(kind, result);
        Assert.NotNull(errors);
        return [.. errors.Keys.Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData(JobRef.Gather)]
    [InlineData(JobRef.Scrape)]
    [InlineData(JobRef.HelmSync)]
    public void A_result_with_its_own_field_is_stored(string kind) => Assert.Null(TaskResultValidator.Validate(kind, ValidFor(kind)));

    [Fact]
    public void Empty_lists_are_results() =>
        Assert.Multiple(
            () => Assert.Null(TaskResultValidator.Validate(JobRef.Gather, Releases())),
            () => Assert.Null(TaskResultValidator.Validate(JobRef.HelmSync, Charts())));

    [Theory]
    [InlineData(JobRef.Gather, "releases")]
    [InlineData(JobRef.Scrape, "version")]
    [InlineData(JobRef.HelmSync, "charts")]
    public void A_missing_own_field_is_named(string kind, string field) =>
        Assert.Equal([field], Fields(kind, new TaskResult(null, null, null)));

    [Theory]
    [InlineData(JobRef.Gather, "version")]
    [InlineData(JobRef.Gather, "charts")]
    [InlineData(JobRef.Scrape, "releases")]
    [InlineData(JobRef.Scrape, "charts")]
    [InlineData(JobRef.HelmSync, "releases")]
    [InlineData(JobRef.HelmSync, "version")]
    public void A_field_of_another_kind_is_refused(string kind, string field)
    {
        var result = field switch
        {
            "releases" => ValidFor(kind) with { Releases = [Release] },
            "version" => ValidFor(kind) with { Version = Version },
            _ => ValidFor(kind) with { Charts = [Chart] },
        };

        Assert.Equal([field], Fields(kind, result));
    }

    [Fact]
    public void Every_field_of_another_kind_is_named()
    {
        var errors = TaskResultValidator.Validate(JobRef.Scrape, new TaskResult([Release], Version, [Chart]));

        Assert.NotNull(errors);
        Assert.Equal(["charts", "releases"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["releases are reported by gather jobs, this is a scrape_job"], errors["releases"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2 beta")]
    [InlineData("1.2\t")]
    public void A_bad_release_version_is_named_by_its_position(string version) =>
        Assert.Equal(["releases[1].version"], Fields(JobRef.Gather, Releases(Release, Release with { Version = version })));

    [Fact]
    public void A_missing_release_is_named_by_its_position()
    {
        var errors = TaskResultValidator.Validate(JobRef.Gather, Releases(Release, null!));

        Assert.NotNull(errors);
        Assert.Equal(["a release is required"], Assert.Single(errors, error => error.Key == "releases[1].version").Value);
    }

    [Fact]
    public void Releases_are_bounded() =>
        Assert.Equal(["releases"], Fields(JobRef.Gather, Releases([.. Enumerable.Repeat(Release, TaskResultValidator.MaxReleases + 1)])));

    [Fact]
    public void The_release_bound_itself_is_allowed() =>
        Assert.Null(TaskResultValidator.Validate(JobRef.Gather, Releases([.. Enumerable.Repeat(Release, TaskResultValidator.MaxReleases)])));

    [Theory]
    [InlineData("")]
    [InlineData("1.29 .4")]
    [InlineData("v1\n")]
    public void A_bad_scraped_version_is_named(string version) =>
        Assert.Equal(["version"], Fields(JobRef.Scrape, new TaskResult(null, Version with { Version = version }, null)));

    [Fact]
    public void A_scraped_version_is_at_most_128_characters()
    {
        Assert.Null(TaskResultValidator.Validate(JobRef.Scrape, new TaskResult(null, new FoundVersion(new string('1', 128), null), null)));
        Assert.Equal(["version"], Fields(JobRef.Scrape, new TaskResult(null, new FoundVersion(new string('1', 129), null), null)));
    }

    [Theory]
    [InlineData("", "charts[1].name")]
    [InlineData("  ", "charts[1].name")]
    public void A_blank_chart_name_is_named_by_its_position(string name, string field) =>
        Assert.Equal([field], Fields(JobRef.HelmSync, Charts(Chart, Chart with { Name = name })));

    [Fact]
    public void A_chart_name_is_at_most_200_characters()
    {
        Assert.Null(TaskResultValidator.Validate(JobRef.HelmSync, Charts(Chart with { Name = new string('c', 200) })));
        Assert.Equal(["charts[0].name"], Fields(JobRef.HelmSync, Charts(Chart with { Name = new string('c', 201) })));
    }

    [Fact]
    public void A_missing_chart_is_named_by_its_position() =>
        Assert.Equal(["charts[0].name"], Fields(JobRef.HelmSync, Charts(null!, Chart)));

    [Fact]
    public void Charts_are_bounded() =>
        Assert.Equal(["charts"], Fields(JobRef.HelmSync, Charts([.. Enumerable.Repeat(Chart, TaskResultValidator.MaxCharts + 1)])));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void A_failure_without_a_message_gets_a_default_one(string? error) =>
        Assert.Equal("the agent reported a failure without a message", TaskResultValidator.ErrorText(error));

    [Fact]
    public void A_failure_message_is_trimmed() => Assert.Equal("clone failed: 403", TaskResultValidator.ErrorText("  clone failed: 403\n"));

    [Fact]
    public void A_failure_message_is_cut_to_2000_characters_after_trimming()
    {
        var message = new string('x', 1_999) + "yz";

        Assert.Equal(new string('x', 1_999) + "y", TaskResultValidator.ErrorText("   " + message));
        Assert.Equal(TaskResultValidator.MaxErrorLength, TaskResultValidator.ErrorText(message).Length);
    }

    [Fact]
    public void A_failure_message_of_2000_characters_is_kept_whole()
    {
        var message = new string('x', TaskResultValidator.MaxErrorLength);

        Assert.Equal(message, TaskResultValidator.ErrorText(message));
    }
}
