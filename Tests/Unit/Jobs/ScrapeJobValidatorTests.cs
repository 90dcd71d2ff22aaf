using Planekeeper.Grains.Jobs;

namespace Planekeeper.Tests.Unit.Jobs;

public class ScrapeJobValidatorTests
{
    private static Validated<ScrapeJobDefinition> Validate(
        string parseType = "yq", string? expression = ".image.tag", string? repository = "https://git.example.com/a/b.git",
        string? target = "values.yaml", string? gitRef = null, int? history = null, string? schedule = null) =>
        ScrapeJobValidator.Validate(new ScrapeJobInput("job", repository, gitRef, target, parseType, expression, null, schedule, null, history, null));

    [Theory]
    [InlineData("https://git.example.com/acme/infra.git")]
    [InlineData("ssh://git@git.example.com:2222/acme/infra.git")]
    [InlineData("git@github.com:acme/infra.git")]
    public void Https_and_ssh_repositories_are_accepted(string url) => Assert.True(Validate(repository: url).IsValid);

    [Theory]
    [InlineData("http://git.example.com/acme/infra.git")]
    [InlineData("file:///srv/git/infra")]
    [InlineData("git.example.com/acme/infra")]
    [InlineData(null)]
    public void Other_repository_addresses_are_refused(string? url) => Assert.Equal(["repository_url"], Validate(repository: url).Errors.Keys);

    [Theory]
    [InlineData("../secrets.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.yaml")]
    public void Target_files_stay_inside_the_repository(string path) => Assert.Equal(["target_file"], Validate(target: path).Errors.Keys);

    [Theory]
    [InlineData("-delete")]
    [InlineData("main..dev")]
    [InlineData("two words")]
    public void Refs_that_could_confuse_git_are_refused(string gitRef) => Assert.Equal(["ref"], Validate(gitRef: gitRef).Errors.Keys);

    [Fact]
    public void Defaults_are_main_none_and_ten()
    {
        var job = Validate().Value!;

        Assert.Equal(("main", "none", 10), (job.Ref, job.VersionTransform, job.HistoryLimit));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void History_limit_stays_between_one_and_twenty(int limit) => Assert.Equal(["history_limit"], Validate(history: limit).Errors.Keys);

    [Fact]
    public void A_regex_expression_must_compile() => Assert.Equal(["parse_expression"], Validate("regex", "version: (").Errors.Keys);

    [Fact]
    public void Manual_jobs_refuse_repository_fields_and_schedules()
    {
        var result = Validate("manual", schedule: "0 * * * *");

        Assert.Equal(["parse_expression", "repository_url", "schedule", "target_file"], result.Errors.Keys.Order());
        Assert.True(ScrapeJobValidator.Validate(new ScrapeJobInput("by hand", null, null, null, "manual", null, null, null, "add_v_lower", null, null)).IsValid);
    }
}
