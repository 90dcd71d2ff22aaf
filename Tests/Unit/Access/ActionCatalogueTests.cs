using Planekeeper.Grains.Access.Policy;

namespace Planekeeper.Tests.Unit.Access;

public class ActionCatalogueTests
{
    [Fact]
    public void Catalogue_holds_every_listed_action_once()
    {
        Assert.Equal(87, ActionCatalogue.All.Count);
        Assert.Equal(ActionCatalogue.All.Count, ActionCatalogue.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(20, ActionCatalogue.Resources.Count);
        Assert.All(ActionCatalogue.All, a => Assert.Equal(1, a.Count(c => c == ':')));
    }

    [Fact]
    public void Shared_lists_cannot_be_modified_through_a_cast()
    {
        Assert.True(((ICollection<string>)ActionCatalogue.All).IsReadOnly);
        Assert.True(((ICollection<string>)ActionCatalogue.Resources).IsReadOnly);
        Assert.True(((ICollection<PolicyRule>)BuiltInRoles.Rules).IsReadOnly);
        Assert.True(((ICollection<string>)BuiltInRoles.ReaderActions).IsReadOnly);
    }

    [Theory]
    [InlineData("gather-jobs:run")]
    [InlineData("scrape-jobs:set-version")]
    [InlineData("notification-templates:preview")]
    [InlineData("audit-log:list")]
    [InlineData("permissions:explain")]
    [InlineData("api-keys:deactivate")]
    public void Known_actions(string action)
    {
        Assert.True(ActionCatalogue.IsKnown(action));
    }

    [Theory]
    [InlineData("gather-jobs:*")]
    [InlineData("*")]
    [InlineData("gather-jobs:set-version")]
    [InlineData("Gather-Jobs:list")]
    [InlineData("releases:create")]
    [InlineData("audit-log")]
    [InlineData("")]
    public void Unknown_actions_including_patterns(string action)
    {
        Assert.False(ActionCatalogue.IsKnown(action));
    }

    [Theory]
    [InlineData("gather-jobs:list", "gather-jobs", "list")]
    [InlineData("releases:*", "releases", "*")]
    [InlineData("*:list", "*", "list")]
    [InlineData("*", "*", "*")]
    [InlineData("*:*", "*", "*")]
    [InlineData("a:b:c", "a", "b:c")]
    public void Split_at_the_first_colon(string action, string expectedObject, string expectedAction)
    {
        Assert.Equal((expectedObject, expectedAction), ActionCatalogue.Split(action));
    }

    [Theory]
    [InlineData("gather-jobs")]
    [InlineData("gather-*")]
    [InlineData(":list")]
    [InlineData("releases:")]
    [InlineData("")]
    public void Split_rejects_a_name_that_is_not_resource_colon_action(string action)
    {
        var error = Assert.Throws<FormatException>(() => ActionCatalogue.Split(action));
        Assert.Contains("resource:action", error.Message);
        Assert.False(ActionCatalogue.TrySplit(action, out _));
    }

    [Fact]
    public void Join_is_the_inverse_of_split()
    {
        Assert.All(ActionCatalogue.All, a =>
        {
            var (@object, action) = ActionCatalogue.Split(a);
            Assert.Equal(a, ActionCatalogue.Join(@object, action));
        });
        Assert.Equal("*", ActionCatalogue.Join("*", "*"));
        Assert.Equal("releases:*", ActionCatalogue.Join("releases", "*"));
    }

    [Fact]
    public void Expand_star_covers_the_whole_catalogue()
    {
        Assert.Equal(ActionCatalogue.All, ActionCatalogue.Expand("*"));
    }

    [Fact]
    public void Expand_resource_star_covers_that_resource()
    {
        Assert.Equal(new[] { "releases:list", "releases:read", "releases:delete" }, ActionCatalogue.Expand("releases:*"));
    }

    [Fact]
    public void Expand_star_colon_action_covers_that_action_everywhere()
    {
        Assert.Equal(
            new[] { "gather-jobs:run", "scrape-jobs:run", "helm-sync-jobs:run" },
            ActionCatalogue.Expand("*:run"));
    }

    [Fact]
    public void Expand_a_resource_pattern()
    {
        var jobs = ActionCatalogue.Expand("*-jobs:delete");
        Assert.Equal(new[] { "gather-jobs:delete", "scrape-jobs:delete", "helm-sync-jobs:delete" }, jobs);
    }

    [Theory]
    [InlineData("gather-jobs:list", 1)]
    [InlineData("nothing:*", 0)]
    [InlineData("gather-jobs:fly", 0)]
    [InlineData("*:explain", 1)]
    [InlineData("notification-*:list", 4)]
    public void Expand_counts(string pattern, int expected)
    {
        Assert.Equal(expected, ActionCatalogue.Expand(pattern).Count);
    }

    [Fact]
    public void Expand_agrees_with_rule_matching_on_split_patterns()
    {
        string[] patterns = ["*", "releases:*", "*:list", "*-jobs:*", "notification-*:t*", "alerts:*ack*"];
        foreach (var pattern in patterns)
        {
            var (objectPattern, actionPattern) = ActionCatalogue.Split(pattern);
            var rule = new PolicyRule("r", "*", objectPattern, actionPattern, PolicyEffect.Allow);
            var covered = ActionCatalogue.All.Where(a =>
            {
                var (@object, action) = ActionCatalogue.Split(a);
                return rule.Covers("org:1", @object, action);
            });
            Assert.Equal(covered, ActionCatalogue.Expand(pattern));
        }
    }
}
