using Planekeeper.Grains.Jobs;
using Planekeeper.Grains.Jobs.Gather;
using Planekeeper.Grains.Jobs.HelmSync;
using Planekeeper.Grains.Jobs.Scrape;

namespace Planekeeper.Tests.Unit.Jobs;

/// <summary>The rules every job kind shares: name, credential_name, schedule and labels.</summary>
public class SharedJobFieldsTests
{
    public static TheoryData<string> Kinds => ["gather", "scrape", "helm_sync"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Name_is_trimmed(string kind)
    {
        Assert.Equal("My job", Validate(kind, new Fields(Name: "  My job\t")).Definition!.Name);
    }

    [Theory]
    [InlineData("gather", null)]
    [InlineData("gather", "")]
    [InlineData("scrape", "   ")]
    [InlineData("helm_sync", null)]
    public void Name_is_required(string kind, string? name)
    {
        AssertOnlyError(Validate(kind, new Fields(Name: name)), "name");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Name_is_at_most_200_characters(string kind)
    {
        Assert.True(Validate(kind, new Fields(Name: new string('n', 200))).IsValid);
        Assert.True(Validate(kind, new Fields(Name: " " + new string('n', 200) + " ")).IsValid);
        AssertOnlyError(Validate(kind, new Fields(Name: new string('n', 201))), "name");
    }

    [Theory]
    [InlineData("gather", "github-token")]
    [InlineData("scrape", "deploy_key.v2")]
    [InlineData("helm_sync", "A")]
    [InlineData("gather", "abc-DEF_123.x")]
    public void Credential_name_of_allowed_characters_is_kept(string kind, string credential)
    {
        Assert.Equal(credential, Validate(kind, new Fields(CredentialName: credential)).Definition!.CredentialName);
    }

    [Theory]
    [InlineData("gather", null)]
    [InlineData("scrape", "")]
    [InlineData("helm_sync", "  ")]
    public void Absent_credential_name_is_null(string kind, string? credential)
    {
        Assert.Null(Validate(kind, new Fields(CredentialName: credential)).Definition!.CredentialName);
    }

    [Theory]
    [InlineData("gather", "has space")]
    [InlineData("scrape", "slash/name")]
    [InlineData("helm_sync", "colon:name")]
    [InlineData("gather", "ümlaut")]
    public void Credential_name_with_other_characters_is_refused(string kind, string credential)
    {
        AssertOnlyError(Validate(kind, new Fields(CredentialName: credential)), "credential_name");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Credential_name_is_at_most_100_characters(string kind)
    {
        Assert.True(Validate(kind, new Fields(CredentialName: new string('c', 100))).IsValid);
        AssertOnlyError(Validate(kind, new Fields(CredentialName: new string('c', 101))), "credential_name");
    }

    [Theory]
    [InlineData("gather", null)]
    [InlineData("scrape", "")]
    [InlineData("helm_sync", " ")]
    public void Absent_schedule_means_run_once(string kind, string? schedule)
    {
        Assert.Null(Validate(kind, new Fields(Schedule: schedule)).Definition!.Schedule);
    }

    [Theory]
    [InlineData("gather", "0 9 * * 1-5")]
    [InlineData("scrape", "*/15 * * * *")]
    [InlineData("helm_sync", "0 0,12 * * *")]
    public void Valid_schedule_is_kept(string kind, string schedule)
    {
        Assert.Equal(schedule, Validate(kind, new Fields(Schedule: schedule)).Definition!.Schedule);
    }

    [Theory]
    [InlineData("gather", "every hour")]
    [InlineData("scrape", "0 */15 * * * *")]
    [InlineData("helm_sync", "61 * * * *")]
    public void Invalid_schedule_is_refused(string kind, string schedule)
    {
        var errors = AssertOnlyError(Validate(kind, new Fields(Schedule: schedule)), "schedule");

        Assert.StartsWith("schedule must be a 5-field cron expression", errors[0]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Absent_labels_are_empty(string kind)
    {
        Assert.Empty(Validate(kind, new Fields()).Definition!.Labels);
    }

    [Theory]
    [InlineData("gather", "team", "platform")]
    [InlineData("scrape", "app.kubernetes.io/name", "nginx")]
    [InlineData("helm_sync", "a_b-c.d/e9", "")]
    public void Valid_labels_are_kept(string kind, string key, string value)
    {
        var labels = Validate(kind, new Fields(Labels: new Dictionary<string, string> { [key] = value })).Definition!.Labels;

        Assert.Equal(value, labels[key]);
    }

    [Theory]
    [InlineData("gather", "")]
    [InlineData("scrape", "Team")]
    [InlineData("helm_sync", "has space")]
    [InlineData("gather", "colon:key")]
    [InlineData("scrape", "ümlaut")]
    public void Label_keys_outside_the_alphabet_are_refused(string kind, string key)
    {
        AssertOnlyError(Validate(kind, new Fields(Labels: new Dictionary<string, string> { [key] = "v" })), "labels");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Label_key_is_at_most_63_characters(string kind)
    {
        Assert.True(Validate(kind, Labelled(new string('k', 63), "v")).IsValid);
        AssertOnlyError(Validate(kind, Labelled(new string('k', 64), "v")), "labels");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Label_value_is_at_most_256_characters(string kind)
    {
        Assert.True(Validate(kind, Labelled("k", new string('v', 256))).IsValid);
        AssertOnlyError(Validate(kind, Labelled("k", new string('v', 257))), "labels");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void At_most_32_labels(string kind)
    {
        Assert.True(Validate(kind, new Fields(Labels: ManyLabels(32))).IsValid);
        AssertOnlyError(Validate(kind, new Fields(Labels: ManyLabels(33))), "labels");
    }

    private static Fields Labelled(string key, string value) => new(Labels: new Dictionary<string, string> { [key] = value });

    private static Dictionary<string, string> ManyLabels(int count) =>
        Enumerable.Range(0, count).ToDictionary(i => $"key{i}", i => "v");

    private static string[] AssertOnlyError(Outcome outcome, string field)
    {
        Assert.False(outcome.IsValid);
        Assert.Equal([field], outcome.Errors.Keys);
        return outcome.Errors[field];
    }

    private static Outcome Validate(string kind, Fields fields) => kind switch
    {
        "gather" => Outcome.From(GatherJobValidator.Validate(new GatherJobInput(
            fields.Name, "oci_registry", "ghcr.io/org/app", fields.Schedule, fields.CredentialName, null, fields.Labels)),
            d => new Shared(d.Name, d.CredentialName, d.Schedule, d.Labels)),
        "scrape" => Outcome.From(ScrapeJobValidator.Validate(new ScrapeJobInput(
            fields.Name, "https://github.com/org/deploy.git", null, "values.yaml", "yq", ".image.tag",
            fields.CredentialName, fields.Schedule, null, null, fields.Labels)),
            d => new Shared(d.Name, d.CredentialName, d.Schedule, d.Labels)),
        "helm_sync" => Outcome.From(HelmSyncJobValidator.Validate(new HelmSyncJobInput(
            fields.Name, "https://charts.bitnami.com/bitnami", null, fields.Schedule, fields.CredentialName, fields.Labels)),
            d => new Shared(d.Name, d.CredentialName, d.Schedule, d.Labels)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private sealed record Fields(
        string? Name = "job",
        string? CredentialName = null,
        string? Schedule = null,
        IReadOnlyDictionary<string, string>? Labels = null);

    private sealed record Shared(string Name, string? CredentialName, string? Schedule, IReadOnlyDictionary<string, string> Labels);

    private sealed record Outcome(bool IsValid, IReadOnlyDictionary<string, string[]> Errors, Shared? Definition)
    {
        public static Outcome From<T>(Validated<T> result, Func<T, Shared> shared) =>
            new(result.IsValid, result.Errors, result.Value is null ? null : shared(result.Value));
    }
}
