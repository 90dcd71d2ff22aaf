using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

public class JobNeedsTests
{
    [Theory]
    [InlineData(JobRef.Gather, "gather")]
    [InlineData(JobRef.Scrape, "scrape")]
    [InlineData(JobRef.HelmSync, "helm_sync")]
    public void Each_kind_needs_its_capability(string kind, string capability) => Assert.Equal(capability, JobNeeds.CapabilityOf(kind));

    [Fact]
    public void An_unknown_kind_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => JobNeeds.CapabilityOf("cron_job"));

    [Theory]
    [InlineData(null, "gather", "", true)]
    [InlineData(null, "scrape", "", false)]
    [InlineData("ghcr", "gather", "ghcr", true)]
    [InlineData("ghcr", "gather", "other", false)]
    [InlineData("ghcr", "gather", "", false)]
    [InlineData("ghcr", "scrape", "ghcr", false)]
    public void An_agent_needs_the_capability_and_any_named_credential(string? credential, string capability, string held, bool canRun)
    {
        var agent = ClientAgent([capability], held.Length == 0 ? [] : [held]);

        Assert.Equal(canRun, new JobNeeds("gather", credential).CanBeRunBy(agent));
    }

    [Fact]
    public void A_server_agent_runs_jobs_without_a_credential() =>
        Assert.True(new JobNeeds("gather", null).CanBeRunBy(ServerAgent(["gather"])));

    [Fact]
    public void A_server_agent_never_runs_a_job_naming_a_credential_even_one_it_holds() =>
        Assert.False(new JobNeeds("gather", "ghcr").CanBeRunBy(ServerAgent(["gather"], "ghcr")));
}
