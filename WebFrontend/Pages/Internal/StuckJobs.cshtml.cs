using Microsoft.AspNetCore.Mvc;
using Planekeeper.Configuration;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.WebFrontend.Pages.Internal;

/// <summary>
/// <c>/internal/stuck-jobs</c>: the jobs in progress for longer than a threshold (default 1h), in every organization,
/// and the reset that queues them all again (docs/jobs.md, "Leases and recovery").
/// </summary>
public sealed class StuckJobsModel(IClusterClient cluster) : InternalPage
{
    public static readonly TimeSpan DefaultThreshold = TimeSpan.FromHours(1);

    public IReadOnlyList<StuckJob> Jobs { get; private set; } = [];

    /// <summary>The threshold as typed, e.g. <c>30m</c>.</summary>
    public string OlderThan { get; private set; } = "1h";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "older_than")] string? olderThan, int? reset)
    {
        Notice = reset is { } count ? $"{count} job(s) queued again." : null;
        return await ListAsync(olderThan);
    }

    public async Task<IActionResult> OnPostResetAsync([FromForm(Name = "older_than")] string? olderThan)
    {
        if (Threshold(olderThan) is not { } threshold)
        {
            return await ListAsync(olderThan);
        }

        var reset = await Grain.ResetStuckAsync(threshold);
        return Redirect($"/internal/stuck-jobs?older_than={Uri.EscapeDataString(OlderThan)}&reset={reset}");
    }

    private async Task<IActionResult> ListAsync(string? olderThan)
    {
        if (Threshold(olderThan) is not { } threshold)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Jobs = await Grain.ListStuckAsync(threshold);
        return Page();
    }

    /// <summary>The threshold, or null with the field's message when it is not a duration.</summary>
    private TimeSpan? Threshold(string? olderThan)
    {
        OlderThan = string.IsNullOrWhiteSpace(olderThan) ? "1h" : olderThan.Trim();
        if (Duration.TryParse(OlderThan, out var threshold))
        {
            return threshold;
        }

        ModelState.AddModelError("older_than", $"The threshold must be {Duration.ExpectedForm}");
        return null;
    }

    private ITaskMaintenanceGrain Grain => cluster.GetGrain<ITaskMaintenanceGrain>(0);
}
