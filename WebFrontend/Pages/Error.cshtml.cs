using Planekeeper.WebFrontend.Ui;

namespace Planekeeper.WebFrontend.Pages;

/// <summary>
/// The error page for UI requests (run by <see cref="ErrorPageMiddleware"/>): 404, 403 naming the missing action,
/// 500 with the trace id and never the exception.
/// </summary>
public sealed class ErrorModel : PlanekeeperPage
{
    public int Code { get; private set; }

    public string? MissingAction { get; private set; }

    public string? Reason { get; private set; }

    public string TraceId { get; private set; } = "";

    /// <summary>A failure to tell the operator about (with the trace id), not a 503 the operator chose (maintenance) or already knows of (an outage).</summary>
    public bool IsServerError => HttpContext.RefusalTitle() is null;

    public string Title => HttpContext.RefusalTitle() ?? Code switch
    {
        401 => "Sign in needed",
        403 => "Not allowed",
        404 => "Page not found",
        429 => "Too many requests",
        >= 500 => "Something went wrong",
        _ => "The request could not be handled",
    };

    public string Explanation => HttpContext.RefusalTitle() is not null ? "" : Code switch
    {
        403 => "",
        404 => "There is no page at this address. Check the address, or start again from the start page.",
        >= 500 => "The server could not show this page. Nothing you did caused it; try again in a moment.",
        _ => "",
    };

    public void OnGet(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        MissingAction = HttpContext.MissingAction();
        Reason = HttpContext.RefusalReason();
        TraceId = ErrorPageMiddleware.TraceId(HttpContext);
    }
}
