using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>Creating and listing an organization's alert configs. Stateless.</summary>
[Alias("planekeeper.alerts.configs")]
public interface IAlertConfigDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("create")]
    Task<CommandResult<AlertConfigRecord>> CreateAsync(string actor, long organizationId, AlertConfigRequest request);

    [Alias("list")]
    Task<Page<AlertConfigRecord>> ListAsync(long organizationId, int limit, long? after);

    /// <summary>The drift table by config id (keyset pagination).</summary>
    [Alias("drift")]
    Task<Page<AlertConfigDrift>> DriftAsync(long organizationId, int limit, long? after);

    /// <summary>The <paramref name="limit"/> most drifted configs: by active alert severity, then by how far behind.</summary>
    [Alias("worst-drift")]
    Task<IReadOnlyList<AlertConfigDrift>> WorstDriftAsync(long organizationId, int limit);

    /// <summary>The drift of the alert configs that compare with this gather job: where its releases are deployed.</summary>
    [Alias("drift-of-gather-job")]
    Task<IReadOnlyList<AlertConfigDrift>> DriftOfGatherJobAsync(long organizationId, long gatherJobId);

    /// <summary>The organization's alert configs that use this scrape job, gather job or rule.</summary>
    [Alias("using")]
    Task<IReadOnlyList<AlertConfigUse>> UsingAsync(long organizationId, AlertConfigInput input, long id);
}
