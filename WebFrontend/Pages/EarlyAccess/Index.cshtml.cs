using Microsoft.AspNetCore.Mvc;
using Planekeeper.Grains.Interfaces.EarlyAccess;
using Planekeeper.WebFrontend.RateLimiting;

namespace Planekeeper.WebFrontend.Pages.EarlyAccess;

/// <summary>
/// <c>/earlyaccess</c>: anyone may ask for early access (docs/operations.md, "Early access"). A second request with the
/// same email updates the first. A filled honeypot field (<c>website</c>, hidden from people) is answered like a
/// success and stores nothing; requests are limited per client address (429 with <c>Retry-After</c>).
/// </summary>
public sealed class EarlyAccessModel(IClusterClient cluster, EarlyAccessThrottle throttle) : PlanekeeperPage
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "company")]
    public string? Company { get; set; }

    [BindProperty(Name = "use_case")]
    public string? UseCase { get; set; }

    /// <summary>The honeypot: people never see it, so only a bot fills it.</summary>
    [BindProperty(Name = "website")]
    public string? Website { get; set; }

    public bool Submitted { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await throttle.RefusalAsync(HttpContext) is { } refusal)
        {
            ModelState.AddModelError("", $"Too many requests; try again in {refusal.RetryAfterSeconds} s.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            Submitted = true;
            return Page();
        }

        var result = await cluster.GetGrain<IEarlyAccessGrain>(0).SubmitAsync(Email, Name, Company, UseCase);
        if (result.Value is null)
        {
            return PageWithErrors(result);
        }

        Submitted = true;
        return Page();
    }
}
