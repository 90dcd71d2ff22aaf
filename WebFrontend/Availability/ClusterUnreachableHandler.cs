using Microsoft.AspNetCore.Diagnostics;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Availability;

/// <summary>
/// Any API call whose grain call failed for want of the cluster (<see cref="ClusterUnreachable"/>) answers 503 problem
/// details with <c>Retry-After</c> and the <c>unavailable</c> code. Pages get the same answer from
/// <see cref="Ui.ErrorPageMiddleware"/> as the outage page.
/// </summary>
public sealed partial class ClusterUnreachableHandler(ILogger<ClusterUnreachableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!ClusterUnreachable.Is(exception))
        {
            return false;
        }

        LogUnreachable(logger, context.Request.Method, context.Request.Path, exception.GetType().Name, exception.Message);
        await Problems.Unavailable(ClusterUnreachable.ApiDetail).ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the cluster could not be reached ({ExceptionType}: {ExceptionMessage})")]
    private static partial void LogUnreachable(ILogger logger, string method, PathString path, string exceptionType, string exceptionMessage);
}
