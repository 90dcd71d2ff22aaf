namespace Planekeeper.WebFrontend.Ui;

/// <summary>Which requests belong to the UI (answered with HTML pages) rather than the API (problem details).</summary>
public static class UiRequests
{
    /// <summary>Everything but <c>/api/…</c> and <c>/openapi/…</c>: pages, their htmx fragments, unknown paths.</summary>
    public static bool IsUi(this HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/openapi");

    /// <summary>A request htmx made for a fragment (it sends <c>HX-Request: true</c>).</summary>
    public static bool IsHtmx(this HttpRequest request) => request.Headers["HX-Request"] == "true";

    /// <summary>
    /// Sends the browser to <paramref name="url"/>: a 302 for a page, or for an htmx fragment an <c>HX-Redirect</c>
    /// header, which htmx follows with a full page load (a 302 would swap the target page into the fragment).
    /// </summary>
    public static void RedirectTo(this HttpContext context, string url)
    {
        if (context.Request.IsHtmx())
        {
            context.Response.Headers["HX-Redirect"] = url;
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.Redirect(url);
    }

    /// <summary>A local URL to come back to after signing in: the page asked for (with its query for a GET).</summary>
    public static string ReturnUrl(this HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.IsHtmx() ? request.Path + request.QueryString : request.Path.ToString();
}
