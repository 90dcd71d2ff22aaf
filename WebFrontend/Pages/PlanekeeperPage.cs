using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.WebFrontend.Authorization;
using Planekeeper.WebFrontend.Ui;

namespace Planekeeper.WebFrontend.Pages;

/// <summary>
/// What every page model shares: the signed-in <see cref="Viewer"/> (set by <see cref="PageAccess"/>), the
/// organization of an organization page, and the grains' validation messages shown next to their fields.
/// </summary>
public abstract class PlanekeeperPage : PageModel
{
    /// <summary>The signed-in user; null only on public pages shown to someone not signed in.</summary>
    public Viewer? Viewer => HttpContext.Viewer();

    /// <summary>The organization page's organization (checked by <see cref="PageAccess"/> before the handler runs).</summary>
    protected long OrganizationId => HttpContext.Scope().OrganizationId;

    /// <summary>Who a command is done by, as the audit log and the grains name them (the same as the API's).</summary>
    protected string Actor => HttpContext.Scope().Subject;

    /// <summary>
    /// Set when a save was refused because someone else changed the thing since this form was loaded (docs/ui.md,
    /// "Editing at the same time"); the page then shows <c>_ChangedMeanwhile</c> above the form with the input kept.
    /// </summary>
    public bool ChangedMeanwhile { get; private set; }

    /// <summary>The version a form was loaded with, as the condition of its save; null (unconditional) without one.</summary>
    protected static ExpectedVersion? Loaded(int? version) => version is { } loaded ? ExpectedVersion.Of(loaded) : null;

    /// <summary>
    /// The page again, with a refused command's messages next to their fields (a refusal without fields at
    /// <paramref name="field"/>, by default above the form) and the status the API would answer.
    /// </summary>
    protected IActionResult PageWithErrors<T>(CommandResult<T> result, string field = "")
    {
        ShowErrors(result, field);
        Response.StatusCode = result.Status switch
        {
            CommandStatus.NotFound => StatusCodes.Status404NotFound,
            CommandStatus.Conflict => StatusCodes.Status409Conflict,
            CommandStatus.Forbidden => StatusCodes.Status403Forbidden,
            CommandStatus.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Page();
    }

    private void ShowErrors<T>(CommandResult<T> result, string field)
    {
        if (result.Status == CommandStatus.PreconditionFailed)
        {
            ChangedMeanwhile = true;
            return;
        }

        if (result.Errors is { Count: > 0 } errors && result.Status == CommandStatus.Invalid)
        {
            foreach (var (name, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(name, message);
                }
            }

            return;
        }

        ModelState.AddModelError(field, result.Detail ?? "the request was refused");
    }

    /// <summary><c>true</c> for an input whose field has an error (its <c>aria-invalid</c>).</summary>
    public string Invalid(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? "true" : "false";

    /// <summary>A local address to go on to, or <paramref name="fallback"/> (never another site: no open redirect).</summary>
    protected IActionResult RedirectLocal(string? returnUrl, string fallback = "/") =>
        LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback);
}
