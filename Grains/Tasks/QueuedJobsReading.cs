using System.Diagnostics.Metrics;
using System.Globalization;

namespace Planekeeper.Grains.Tasks;

/// <summary>
/// The queue depths read at one moment, as the gauge <c>planekeeper.jobs.queued</c> reports them: one measurement per
/// organization, labelled with its id. <see cref="None"/> (never read, or the last read failed) reports nothing.
/// </summary>
public sealed record QueuedJobsReading(DateTime? At, IReadOnlyList<QueuedJobs> Organizations)
{
    public static readonly QueuedJobsReading None = new(null, []);

    /// <summary>Read again once the reading is older than <paramref name="maxAge"/>, or when there is none.</summary>
    public bool IsStaleAt(DateTime now, TimeSpan maxAge) => At is not { } at || now - at >= maxAge;

    public IEnumerable<Measurement<long>> Measurements() =>
        Organizations.Select(organization => new Measurement<long>(
            organization.Queued, new KeyValuePair<string, object?>("organization", organization.OrganizationId.ToString(CultureInfo.InvariantCulture))));
}
