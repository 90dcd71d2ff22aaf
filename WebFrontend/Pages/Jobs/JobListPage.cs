using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Pages.Jobs;

/// <summary>
/// What the job list pages share: the status and label filter with the API's rules and messages (docs/jobs.md,
/// "Listing"), a page of 50 and the query of the next one.
/// </summary>
public abstract class JobListPage<TRecord> : PlanekeeperPage where TRecord : IJobRecord
{
    public const int PageSize = 50;

    public string? Status { get; private set; }

    public string? Label { get; private set; }

    public Page<TRecord> Jobs { get; private set; } = new([], null);

    /// <summary>The query of the next page, or null on the last one.</summary>
    public string? NextPage { get; private set; }

    public bool Filtered => Status is not null || Label is not null;

    /// <summary>The agents summary with only this kind's queued jobs no online agent can run (null without <c>agents:list</c>).</summary>
    public AgentSummary? Agents { get; private set; }

    protected async Task LoadAgentsAsync(IClusterClient cluster, string kind)
    {
        if (Viewer!.May("agents:list"))
        {
            var summary = await cluster.GetGrain<IAgentDirectoryGrain>(0).SummaryAsync(OrganizationId);
            Agents = summary with { Uncovered = summary.Uncovered.Where(job => job.Kind == kind).ToList() };
        }
    }

    protected async Task ListAsync(string? status, string? label, string? cursor, Func<JobFilter, long?, Task<Page<TRecord>>> list)
    {
        Status = string.IsNullOrEmpty(status) ? null : status;
        Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        var query = JobListQuery.Parse(Status, Label is null ? [] : [Label]);
        if (query.Filter is null)
        {
            ModelState.AddModelError(query.Field!, query.Problem!);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }

        Jobs = await list(query.Filter, long.TryParse(cursor, out var after) ? after : null);
        NextPage = Jobs.NextCursor is { } next
            ? QueryString.Create(new Dictionary<string, string?> { ["status"] = Status, ["label"] = Label, ["cursor"] = next }.Where(p => p.Value is not null)).ToString()
            : null;
    }
}
