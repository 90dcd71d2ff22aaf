using Planekeeper.Grains.Jobs.Scrape;

namespace Planekeeper.Tests.Unit.Jobs;

public class ScrapeJobValidatorTests
{
    private const string ManualMessage = "manual jobs have no repository; set versions with POST /scrape-jobs/{id}/set-version";

    private static readonly ScrapeJobInput ValidInput = new(
        "API image", "https://github.com/org/deploy.git", null, "charts/api/values.yaml", "yq", ".image.tag",
        null, null, null, null, null);

    private static readonly ScrapeJobInput ManualInput = new(
        "Appliance firmware", null, null, null, "manual", null, null, null, null, null, null);

    [Fact]
    public void Defaults_are_applied()
    {
        var definition = ValidationAssert.Valid(ScrapeJobValidator.Validate(ValidInput));

        Assert.Equal("main", definition.Ref);
        Assert.Equal("none", definition.VersionTransform);
        Assert.Equal(10, definition.HistoryLimit);
        Assert.Equal("https://github.com/org/deploy.git", definition.RepositoryUrl);
        Assert.Equal("charts/api/values.yaml", definition.TargetFile);
        Assert.Equal("yq", definition.ParseType);
        Assert.Equal(".image.tag", definition.ParseExpression);
    }

    [Fact]
    public void Given_values_are_kept()
    {
        var input = ValidInput with
        {
            Ref = "release/1.x",
            ParseType = "jq",
            TargetFile = "package.json",
            ParseExpression = ".dependencies[0].version",
            VersionTransform = "strip_v_lower",
            HistoryLimit = 20,
            CredentialName = "deploy-key",
            Schedule = "0 9 * * 1-5",
        };

        var definition = ValidationAssert.Valid(ScrapeJobValidator.Validate(input));

        Assert.Equal("release/1.x", definition.Ref);
        Assert.Equal("jq", definition.ParseType);
        Assert.Equal("strip_v_lower", definition.VersionTransform);
        Assert.Equal(20, definition.HistoryLimit);
        Assert.Equal("deploy-key", definition.CredentialName);
        Assert.Equal("0 9 * * 1-5", definition.Schedule);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("xpath")]
    [InlineData("YQ")]
    public void Unknown_parse_type_lists_the_choices(string? parseType)
    {
        var errors = ValidationAssert.OnlyError(ScrapeJobValidator.Validate(ValidInput with { ParseType = parseType }), "parse_type");

        Assert.Contains("yq, jq, regex, manual", errors[0]);
    }

    [Theory]
    [InlineData("https://github.com/org/repo")]
    [InlineData("https://gitlab.example.com:8443/group/sub/repo.git")]
    [InlineData("ssh://git@github.com/org/repo.git")]
    [InlineData("ssh://github.com/org/repo.git")]
    [InlineData("ssh://git@git.example.com:2222/org/repo.git")]
    [InlineData("git@github.com:org/repo.git")]
    [InlineData("file:///srv/git/infra.git")]
    [InlineData("deploy.user@git.example.com:/srv/git/repo.git")]
    public void Repository_url_forms_are_accepted(string url)
    {
        Assert.Equal(url, ValidationAssert.Valid(ScrapeJobValidator.Validate(ValidInput with { RepositoryUrl = url })).RepositoryUrl);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("http://github.com/org/repo", "plain http")]
    [InlineData("HTTP://github.com/org/repo", "plain http")]
    [InlineData("https://github.com", "https://")]
    [InlineData("https://github.com/", "https://")]
    [InlineData("https:///org/repo", "https://")]
    [InlineData("https://user:token@github.com/org/repo", "credential_name")]
    [InlineData("ssh://", "ssh://")]
    [InlineData("ssh://git@github.com", "ssh://")]
    [InlineData("github.com/org/repo", "user@host:path")]
    [InlineData("github.com:org/repo", "user@host:path")]
    [InlineData("git@github.com", "user@host:path")]
    [InlineData("git@github.com:", "user@host:path")]
    [InlineData("ftp://example.com/repo", "user@host:path")]
    [InlineData("file://server/srv/repo", "file:///absolute/path")]
    [InlineData("file:///", "file:///absolute/path")]
    [InlineData("https://github.com/org/my repo", "whitespace")]
    public void Bad_repository_urls_are_refused(string? url, string messagePart)
    {
        var errors = ValidationAssert.OnlyError(ScrapeJobValidator.Validate(ValidInput with { RepositoryUrl = url }), "repository_url");

        Assert.Contains(messagePart, errors[0]);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("v1.2.3")]
    [InlineData("refs/heads/feature/x")]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    public void Valid_refs_are_kept(string gitRef)
    {
        Assert.Equal(gitRef, ValidationAssert.Valid(ScrapeJobValidator.Validate(ValidInput with { Ref = gitRef })).Ref);
    }

    [Theory]
    [InlineData("feature branch")]
    [InlineData("main\tx")]
    [InlineData("a..b")]
    [InlineData("-main")]
    [InlineData("--upload-pack=evil")]
    public void Bad_refs_are_refused(string gitRef)
    {
        ValidationAssert.OnlyError(ScrapeJobValidator.Validate(ValidInput with { Ref = gitRef }), "ref");
    }

    [Fact]
    public void Ref_is_at_most_255_characters()
    {
        Assert.True(ScrapeJobValidator.Validate(ValidInput with { Ref = new string('r', 255) }).IsValid);
        ValidationAssert.OnlyError(ScrapeJobValidator.Validate(ValidInput with { Ref = new string('r', 256) }), "ref");
    }

    [Theory]
    [InlineData("values.yaml")]
    [InlineData("deploy/prod/values.yaml")]
    [InlineData("./values.yaml")]
    [InlineData("dir.with..dots/file")]
    public void Relative_target_files_are_accepted(string targetFile)
    {
        Assert.Equal(targetFile, ValidationAssert.Valid(ScrapeJobValidator.Validate(ValidInput with { TargetFile = targetFile })).TargetFile);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("../secrets.yaml")]
    [InlineData("deploy/../../x")]
    [InlineData("deploy/..")]
    [InlineData(@"deploy\values.yaml")]
    public void Bad_target_files_are_refused(string? targetFile)
    {
        ValidationAssert.OnlyError(ScrapeJobValidator.Validate(ValidInput with { TargetFile = targetFile }), "target_file");
    }

    [Fact]
    public void Target_file_is_at_most_1024_characters()
    {
        Assert.True(ScrapeJobValidator.Validate(ValidInput with { TargetFile = new string('f', 1024) }).IsValid);
        ValidationAssert.OnlyError(ScrapeJobValidator.Validate(ValidInput with { TargetFile = new string('f', 1025) }), "target_file");
    }

    [Theory]
    [InlineData("yq", ".version")]
    [InlineData("yq", ".spec.template.spec.containers[1].image")]
    [InlineData("jq", ".dependencies[0].version")]
    [InlineData("jq", ".[\"app.kubernetes.io/version\"]")]
    [InlineData("regex", @"image: .+:(\d+\.\d+\.\d+)")]
    [InlineData("regex", @"(?<major>\d+)\.(?<minor>\d+)")]
    [InlineData("regex", "version")]
    public void Parse_expressions_in_the_parse_types_language_are_accepted(string parseType, string expression)
    {
        var definition = ValidationAssert.Valid(ScrapeJobValidator.Validate(ValidInput with { ParseType = parseType, ParseExpression = expression }));

        Assert.Equal(expression, definition.ParseExpression);
    }

    [Theory]
    [InlineData("yq", ".", "position 2")]
    [InlineData("yq", "version", "position 1")]
    [InlineData("jq", ".a[-1]", "position 4")]
    [InlineData("jq", ".a | .b", "position 3")]
    [InlineData("regex", "(unclosed", "not a valid regular expression")]
    [InlineData("regex", "[z-a]", "not a valid regular expression")]
    public void Parse_expressions_outside_the_language_are_refused(string parseType, string expression, string messagePart)
    {
        var errors = ValidationAssert.OnlyError(
            ScrapeJobValidator.Validate(ValidInput with { ParseType = parseType, ParseExpression = expression }), "parse_expression");

        Assert.Contains(messagePart, errors[0]);
    }

    [Theory]
    [InlineData("yq", null)]
    [InlineData("jq", "")]
    [InlineData("regex", "  ")]
    public void Parse_expression_is_required(string parseType, string? expression)
    {
        ValidationAssert.OnlyError(ScrapeJobValidator.Validate(ValidInput with { ParseType = parseType, ParseExpression = expression }), "parse_expression");
    }

    [Theory]
    [InlineData("none")]
    [InlineData("add_v_lower")]
    [InlineData("add_v_upper")]
    [InlineData("strip_v_lower")]
    [InlineData("strip_v_upper")]
    public void Known_version_transforms_are_accepted(string transform)
    {
        Assert.Equal(transform, ValidationAssert.Valid(ScrapeJobValidator.Validate(ValidInput with { VersionTransform = transform })).VersionTransform);
    }

    [Theory]
    [InlineData("add_v")]
    [InlineData("NONE")]
    [InlineData("lowercase")]
    public void Unknown_version_transform_is_refused(string transform)
    {
        var errors = ValidationAssert.OnlyError(ScrapeJobValidator.Validate(ValidInput with { VersionTransform = transform }), "version_transform");

        Assert.Contains("none, add_v_lower, add_v_upper, strip_v_lower, strip_v_upper", errors[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(20)]
    public void History_limit_within_range_is_kept(int limit)
    {
        Assert.Equal(limit, ValidationAssert.Valid(ScrapeJobValidator.Validate(ValidInput with { HistoryLimit = limit })).HistoryLimit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(21)]
    [InlineData(int.MaxValue)]
    public void History_limit_out_of_range_is_refused(int limit)
    {
        var errors = ValidationAssert.OnlyError(ScrapeJobValidator.Validate(ValidInput with { HistoryLimit = limit }), "history_limit");

        Assert.Equal(["history_limit must be between 1 and 20"], errors);
    }

    [Fact]
    public void Manual_job_needs_no_repository()
    {
        var definition = ValidationAssert.Valid(ScrapeJobValidator.Validate(ManualInput with
        {
            VersionTransform = "add_v_lower",
            HistoryLimit = 5,
            Labels = new Dictionary<string, string> { ["site"] = "lab" },
        }));

        Assert.Equal("manual", definition.ParseType);
        Assert.Null(definition.RepositoryUrl);
        Assert.Null(definition.TargetFile);
        Assert.Null(definition.ParseExpression);
        Assert.Null(definition.CredentialName);
        Assert.Null(definition.Schedule);
        Assert.Equal("add_v_lower", definition.VersionTransform);
        Assert.Equal(5, definition.HistoryLimit);
        Assert.Equal("lab", definition.Labels["site"]);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("not a valid ref ..")]
    public void Manual_job_ignores_the_ref(string gitRef)
    {
        Assert.Equal("main", ValidationAssert.Valid(ScrapeJobValidator.Validate(ManualInput with { Ref = gitRef })).Ref);
    }

    public static TheoryData<string, ScrapeJobInput> ManualWithRepositoryField => new()
    {
        { "repository_url", ManualInput with { RepositoryUrl = "https://github.com/org/repo" } },
        { "target_file", ManualInput with { TargetFile = "values.yaml" } },
        { "parse_expression", ManualInput with { ParseExpression = ".version" } },
        { "credential_name", ManualInput with { CredentialName = "token" } },
        { "schedule", ManualInput with { Schedule = "0 * * * *" } },
    };

    [Theory]
    [MemberData(nameof(ManualWithRepositoryField))]
    public void Manual_job_refuses_each_repository_field(string field, ScrapeJobInput input)
    {
        var errors = ValidationAssert.OnlyError(ScrapeJobValidator.Validate(input), field);

        Assert.Equal([ManualMessage], errors);
    }

    [Fact]
    public void Manual_job_reports_every_repository_field_present()
    {
        var input = ValidInput with { ParseType = "manual", CredentialName = "token", Schedule = "0 * * * *" };

        var result = ScrapeJobValidator.Validate(input);

        Assert.Equal(
            ["credential_name", "parse_expression", "repository_url", "schedule", "target_file"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, messages => Assert.Equal([ManualMessage], messages));
    }
}
