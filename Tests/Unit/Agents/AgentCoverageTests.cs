using Planekeeper.Grains.Agents;

namespace Planekeeper.Tests.Unit.Agents;

public class AgentCoverageTests
{
    private static readonly QueuedJob PublicGather = new("gather_job", 1, "kubernetes", "gather", null);
    private static readonly QueuedJob PrivateScrape = new("scrape_job", 2, "prod", "scrape", "infra-repo");

    [Fact]
    public void Without_agents_every_queued_job_is_uncovered() =>
        Assert.All(AgentCoverage.Gaps([PublicGather, PrivateScrape], []), gap => Assert.Equal("no agent is online", gap.Reason));

    [Fact]
    public void A_missing_capability_is_named()
    {
        var gap = Assert.Single(AgentCoverage.Gaps([PublicGather, PrivateScrape], [new OnlineAgent(1, ["gather"], ["infra-repo"])]));

        Assert.Equal((2L, "no online agent has the scrape capability"), (gap.JobId, gap.Reason));
    }

    [Fact]
    public void A_credential_must_be_held_by_an_agent_that_also_has_the_capability()
    {
        var agents = new[] { new OnlineAgent(1, ["scrape"], []), new OnlineAgent(2, ["gather"], ["infra-repo"]) };

        var gap = Assert.Single(AgentCoverage.Gaps([PrivateScrape], agents));

        Assert.Equal("no online agent with the scrape capability holds the credential 'infra-repo'", gap.Reason);
    }

    [Fact]
    public void Covered_jobs_are_not_listed() =>
        Assert.Empty(AgentCoverage.Gaps([PublicGather, PrivateScrape], [new OnlineAgent(1, ["gather", "scrape"], ["infra-repo"])]));
}
