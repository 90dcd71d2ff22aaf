using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>
/// One job of any kind: its definition, status and schedule. Every call names the caller's organization; a job of
/// another organization answers exactly as a job that does not exist (docs/security.md, "Tenancy").
/// </summary>
/// <remarks>
/// The methods took no organization before; they carry new aliases (<c>…-in-org</c>) so a caller built against the
/// old shape fails as an unknown method instead of binding its arguments to the wrong parameters. Update and delete take
/// the versions the caller's <c>If-Match</c> allows (null: any) and answer 412 for another (docs/api.md, "ETags and If-Match").
/// </remarks>
[Alias("planekeeper.jobs.job`2")]
public interface IJobGrain<in TRequest, TRecord> : IGrainWithIntegerKey
    where TRecord : IJobRecord
{
    [Alias("get-in-org")]
    Task<TRecord?> GetAsync(long organizationId);

    /// <summary>Replaces the definition; the next run is recomputed from the schedule.</summary>
    [Alias("update-in-org")]
    Task<CommandResult<TRecord>> UpdateAsync(string actor, long organizationId, TRequest request, ExpectedVersion? expected = null);

    [Alias("delete-in-org")]
    Task<CommandResult<bool>> DeleteAsync(string actor, long organizationId, ExpectedVersion? expected = null);

    /// <summary>Queues the job now; refused while it runs.</summary>
    [Alias("run-in-org")]
    Task<CommandResult<TRecord>> RunNowAsync(string actor, long organizationId);
}
