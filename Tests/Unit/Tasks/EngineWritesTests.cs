using System.Threading.Channels;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

/// <summary>The task engine's two write lanes: claims apart from reports, a job kept in the lane that holds it.</summary>
public class EngineWritesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A database whose writes finish only when the test says so; each write names its lane and the jobs it writes.</summary>
    private sealed class Database
    {
        private readonly Channel<(List<JobRef> Jobs, string Lane, TaskCompletionSource Done)> _writes =
            Channel.CreateUnbounded<(List<JobRef>, string, TaskCompletionSource)>();

        public Task WriteAsync(TaskBatch batch, string lane)
        {
            var done = new TaskCompletionSource();
            _writes.Writer.TryWrite((batch.TakeRunWrites().Select(write => write.Job).ToList(), lane, done));
            return done.Task;
        }

        public async Task<(List<JobRef> Jobs, string Lane, TaskCompletionSource Done)> NextAsync() => await _writes.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        public bool Idle => _writes.Reader.Count == 0;
    }

    [Fact]
    public async Task A_claim_is_written_while_a_write_of_reports_is_still_in_flight()
    {
        var database = new Database();
        var writes = new EngineWrites(database.WriteAsync);
        var completed = Job(1, Running(Lease(21)));
        var claimed = Job(2, Queued());

        writes.Change(completed, writes.Reports);
        var reportsWritten = writes.Reports.CommitAsync();
        var reportsWrite = await database.NextAsync();
        Assert.Same(writes.Claims, writes.Change(claimed, writes.Claims));
        var claimWritten = writes.Claims.CommitAsync();
        var claimWrite = await database.NextAsync();

        Assert.Equal([claimed.Ref], claimWrite.Jobs);
        Assert.Equal((EngineWrites.ReportsLane, EngineWrites.ClaimsLane), (reportsWrite.Lane, claimWrite.Lane));
        claimWrite.Done.SetResult();
        await claimWritten.WaitAsync(Patience);
        Assert.False(reportsWritten.IsCompleted);
        reportsWrite.Done.SetResult();
        await reportsWritten.WaitAsync(Patience);
    }

    [Fact]
    public async Task Waiting_for_all_writes_while_one_lane_writes_is_waiting_for_that_lanes_own_write()
    {
        var database = new Database();
        var writes = new EngineWrites(database.WriteAsync);
        Assert.True(writes.AllWrittenAsync().IsCompletedSuccessfully);

        writes.Change(Job(1, Queued()), writes.Claims);
        var claimWritten = writes.Claims.CommitAsync();
        // The very task the lane answers with: no combining task, whose answer would take one more turn on the thread pool.
        Assert.Same(writes.Claims.CommitAsync(), writes.AllWrittenAsync());
        Assert.Same(writes.Claims.CommitAsync(), EngineWrites.WrittenAsync([writes.Claims]));

        writes.Change(Job(2, Running(Lease(22))), writes.Reports);
        var both = writes.AllWrittenAsync();
        Assert.NotSame(claimWritten, both);
        var first = await database.NextAsync();
        var second = await database.NextAsync();
        first.Done.SetResult();
        await claimWritten.WaitAsync(Patience);
        Assert.False(both.IsCompleted);
        second.Done.SetException(new InvalidOperationException("the reports' write failed"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => both.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_job_held_by_a_write_in_flight_stays_in_that_lane_until_the_write_is_done()
    {
        var database = new Database();
        var writes = new EngineWrites(database.WriteAsync);
        var job = Job(1, Running(Lease(21)));

        writes.Change(job, writes.Reports);
        var first = writes.Reports.CommitAsync();
        var inFlight = await database.NextAsync();

        // Requeued by a failure whose write has not committed yet, then claimed: the claim goes after that write.
        Assert.Same(writes.Reports, writes.LaneOf(job, writes.Claims));
        Assert.Same(writes.Reports, writes.Change(job, writes.Claims));
        var second = writes.Reports.CommitAsync();
        Assert.True(writes.Claims.CommitAsync().IsCompletedSuccessfully);
        Assert.True(database.Idle);

        inFlight.Done.SetResult();
        await first.WaitAsync(Patience);
        var next = await database.NextAsync();
        Assert.Equal([job.Ref], next.Jobs);
        Assert.Same(writes.Reports, writes.LaneOf(job, writes.Claims));
        next.Done.SetResult();
        await second.WaitAsync(Patience);

        Assert.Same(writes.Claims, writes.LaneOf(job, writes.Claims));
    }

    [Fact]
    public async Task A_failed_write_lets_go_of_its_jobs_and_fails_only_its_own_lanes_callers()
    {
        var database = new Database();
        var writes = new EngineWrites(database.WriteAsync);
        var job = Job(1, Queued());

        writes.Change(job, writes.Claims);
        var written = writes.Claims.CommitAsync();
        (await database.NextAsync()).Done.SetException(new InvalidOperationException("the database went away"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => written.WaitAsync(Patience));
        Assert.Same(writes.Reports, writes.LaneOf(job, writes.Reports));
        Assert.True(writes.Reports.CommitAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public void A_deleted_job_waiting_in_an_open_batch_is_dropped_and_let_go()
    {
        var writes = new EngineWrites(new Database().WriteAsync);
        var job = Job(1, Queued());

        writes.Change(job, writes.Claims);
        writes.Forget(job.Ref);

        Assert.True(writes.Claims.Open.IsEmpty);
        Assert.Same(writes.Reports, writes.LaneOf(job, writes.Reports));
    }
}
