using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Planekeeper.WebFrontend.Availability;

namespace Planekeeper.WebFrontend.Ui;

/// <summary>
/// For UI requests (<see cref="UiRequests.IsUi"/>): an unhandled error becomes the 500 page with the trace id (the
/// exception is logged, never shown), and any error status without a body — an unknown path (404), a page refused
/// for a missing action (403) — becomes the error page for that status. A page whose grain call could not reach the
/// cluster (<see cref="ClusterUnreachable"/>) becomes the outage page (503 with <c>Retry-After</c>). The error page (<c>Pages/Error</c>) is run
/// directly, not by sending the request through the pipeline again, so identity and the request limit are not
/// applied twice. API requests keep their problem details, and so does a request that could not be read
/// (<see cref="BadHttpRequestException"/>: 400/413 from the frontend's own handler, never a 500 page).
/// </summary>
public sealed class ErrorPageMiddleware(RequestDelegate next, EndpointDataSource endpoints, AvailabilitySettings availability, ILogger<ErrorPageMiddleware> logger)
{
    private Endpoint? _errorPage;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.IsUi())
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (ClusterUnreachable.Is(exception) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            ClusterUnreachable.LogAnswered(logger, context, exception);
            context.Response.Clear();
            context.RefuseAsUnavailable(ClusterUnreachable.Title, ClusterUnreachable.Reason, availability.OutageCheckInterval);
        }
        catch (Exception exception) when (exception is not BadHttpRequestException && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(exception, "unhandled error on page {Path}, trace id {TraceId}", context.Request.Path, TraceId(context));
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null)
        {
            await RenderAsync(context, context.Response.StatusCode);
        }
    }

    public static string TraceId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    private async Task RenderAsync(HttpContext context, int status)
    {
        var page = _errorPage ??= endpoints.Endpoints.Single(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == "/Error");
        context.Request.Method = HttpMethods.Get;
        context.Request.RouteValues = new RouteValueDictionary { ["page"] = "/Error", ["code"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        context.SetEndpoint(page);
        await page.RequestDelegate!(context);
    }
}
