using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Jobs.Gather;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Pages.GatherJobs;

/// <summary>
/// <c>/gather-jobs</c>: the organization's gather jobs, filtered by status and label, a page at a time — the same
/// grain call as <c>GET /api/v1/gather-jobs</c>, with the same filter rules (docs/jobs.md, "Listing").
/// </summary>
public sealed class GatherJobListModel(IClusterClient cluster) : PlanekeeperPage
{
    public const int PageSize = 50;

    public string? Status { get; private set; }

    public string? Label { get; private set; }

    public Page<GatherJobRecord> Jobs { get; private set; } = new([], null);

    /// <summary>The query of the next page, or null on the last one.</summary>
    public string? NextPage { get; private set; }

    public async Task OnGetAsync(string? status, string? label, string? cursor)
    {
        Status = string.IsNullOrEmpty(status) ? null : status;
        Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        var query = JobListQuery.Parse(Status, Label is null ? [] : [Label]);
        var after = long.TryParse(cursor, out var id) ? id : (long?)null;
        if (query.Filter is null)
        {
            ModelState.AddModelError(query.Field!, query.Problem!);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }

        Jobs = await cluster.GetGrain<IGatherJobDirectoryGrain>(0).ListAsync(OrganizationId, query.Filter, PageSize, after);
        NextPage = Jobs.NextCursor is { } next ? QueryString.Create(new Dictionary<string, string?> { ["status"] = Status, ["label"] = Label, ["cursor"] = next }.Where(p => p.Value is not null)).ToString() : null;
    }
}
