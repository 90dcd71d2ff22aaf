using Planekeeper.Grains.Tasks;

namespace Planekeeper.Tests.Unit.Tasks;

public class QueuedJobsReadingTests
{
    private static readonly DateTime Read = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    [Fact]
    public void No_reading_is_always_stale_and_reports_nothing()
    {
        Assert.True(QueuedJobsReading.None.IsStaleAt(Read, MaxAge));
        Assert.Empty(QueuedJobsReading.None.Measurements());
    }

    [Fact]
    public void A_reading_is_fresh_until_it_is_max_age_old()
    {
        var reading = new QueuedJobsReading(Read, []);
        Assert.False(reading.IsStaleAt(Read.AddSeconds(4.9), MaxAge));
        Assert.True(reading.IsStaleAt(Read.AddSeconds(5), MaxAge));
    }

    [Fact]
    public void Each_organization_is_one_measurement_labelled_with_its_id_in_the_order_read()
    {
        var reading = new QueuedJobsReading(Read, [new QueuedJobs(12345, 40), new QueuedJobs(7, 3)]);

        var measurements = reading.Measurements().ToList();

        Assert.Equal([40L, 3L], measurements.Select(m => m.Value));
        Assert.Equal(["12345", "7"], measurements.Select(m => Assert.Single(m.Tags.ToArray(), tag => tag.Key == "organization").Value as string));
    }
}
