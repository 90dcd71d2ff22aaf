using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Jobs;
using Planekeeper.Grains.Tasks;

namespace Planekeeper.Tests.Unit.Jobs;

public class JobKindTests
{
    [Fact]
    public void The_registry_holds_every_kind_a_job_reference_names() =>
        Assert.Equal(JobRef.Kinds, JobKind.All.Select(kind => kind.Name));

    [Fact]
    public void The_engine_reads_one_table_per_kind() =>
        Assert.Equal(JobKind.All, JobTable.All.Select(table => table.Kind));

    [Theory]
    [InlineData(JobRef.Gather, "gather_jobs")]
    [InlineData(JobRef.Scrape, "scrape_jobs")]
    [InlineData(JobRef.HelmSync, "helm_sync_jobs")]
    public void Each_kind_names_its_table(string name, string table) => Assert.Equal(table, JobKind.Of(name).Table);

    [Fact]
    public void Only_manual_scrape_jobs_are_never_run_by_agents() =>
        Assert.Equal(["true", "parse_type <> 'manual'", "true"], JobKind.All.Select(kind => kind.Runnable));

    [Fact]
    public void An_unknown_kind_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => JobKind.Of("cron_job"));
}
