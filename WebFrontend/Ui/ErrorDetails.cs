namespace Planekeeper.WebFrontend.Ui;

/// <summary>
/// What the error page (<c>Pages/Error</c>) says beyond the status: the missing action of a 403, or why a request
/// was refused. Set by whoever refuses a page request without writing a body.
/// </summary>
public static class ErrorDetails
{
    private static readonly object MissingActionKey = new();
    private static readonly object ReasonKey = new();
    private static readonly object TitleKey = new();

    public static void RefuseForMissingAction(this HttpContext context, string action)
    {
        context.Items[MissingActionKey] = action;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    public static void Refuse(this HttpContext context, int status, string reason)
    {
        context.Items[ReasonKey] = reason;
        context.Response.StatusCode = status;
    }

    /// <summary>A 503 page with its own title (<em>Scheduled maintenance</em>, <em>Service temporarily unavailable</em>) and <c>Retry-After</c>.</summary>
    public static void RefuseAsUnavailable(this HttpContext context, string title, string reason, TimeSpan retryAfter)
    {
        context.Items[TitleKey] = title;
        Api.RetryAfter.Set(context.Response, retryAfter);
        context.Refuse(StatusCodes.Status503ServiceUnavailable, reason);
    }

    public static string? RefusalTitle(this HttpContext context) => context.Items.TryGetValue(TitleKey, out var title) ? (string?)title : null;

    public static string? MissingAction(this HttpContext context) => context.Items.TryGetValue(MissingActionKey, out var action) ? (string?)action : null;

    public static string? RefusalReason(this HttpContext context) => context.Items.TryGetValue(ReasonKey, out var reason) ? (string?)reason : null;
}
