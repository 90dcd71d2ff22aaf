using Planekeeper.Grains.Jobs;
using Planekeeper.Grains.Jobs.Gather;
using Planekeeper.Grains.Jobs.HelmSync;
using Planekeeper.Grains.Jobs.Scrape;

namespace Planekeeper.Tests.Unit.Jobs;

/// <summary>Every regular expression a job carries (tag_filter, chart_filter, a regex parse_expression) is capped in length.</summary>
public class RegexLengthCapTests
{
    private static readonly string AtCap = "a" + new string('b', PatternLimits.MaxLength - 1);
    private static readonly string OverCap = AtCap + "c";

    [Fact]
    public void A_tag_filter_over_the_cap_is_refused_naming_the_field()
    {
        Assert.True(GatherJobValidator.Validate(Gather(AtCap)).IsValid);
        var errors = ValidationAssert.OnlyError(GatherJobValidator.Validate(Gather(OverCap)), "tag_filter");
        Assert.Equal($"tag_filter must be at most {PatternLimits.MaxLength} characters", errors.Single());
    }

    [Fact]
    public void A_chart_filter_over_the_cap_is_refused_naming_the_field()
    {
        Assert.True(HelmSyncJobValidator.Validate(Helm(AtCap)).IsValid);
        ValidationAssert.OnlyError(HelmSyncJobValidator.Validate(Helm(OverCap)), "chart_filter");
    }

    [Fact]
    public void A_regex_parse_expression_over_the_cap_is_refused_naming_the_field()
    {
        Assert.True(ScrapeJobValidator.Validate(Scrape(AtCap)).IsValid);
        var errors = ValidationAssert.OnlyError(ScrapeJobValidator.Validate(Scrape(OverCap)), "parse_expression");
        Assert.Equal($"parse_expression must be at most {PatternLimits.MaxLength} characters", errors.Single());
    }

    private static GatherJobInput Gather(string filter) => new("Kubernetes", "github_releases", "github.com/kubernetes/kubernetes", null, null, filter, null);

    private static HelmSyncJobInput Helm(string filter) => new("Bitnami", "https://charts.bitnami.com/bitnami", filter, null, null, null);

    private static ScrapeJobInput Scrape(string expression) => new(
        "API image", "https://github.com/org/deploy.git", null, "charts/api/values.yaml", "regex", expression, null, null, null, null, null);
}
