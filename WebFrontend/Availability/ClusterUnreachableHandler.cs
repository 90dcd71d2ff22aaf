using Microsoft.AspNetCore.Diagnostics;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.Availability;

/// <summary>
/// Any API call whose grain call failed for want of the cluster (<see cref="ClusterUnreachable"/>) answers 503 problem
/// details with <c>Retry-After</c> and the <c>unavailable</c> code. Pages get the same answer from
/// <see cref="Ui.ErrorPageMiddleware"/> as the outage page.
/// </summary>
public sealed class ClusterUnreachableHandler(ILogger<ClusterUnreachableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!ClusterUnreachable.Is(exception))
        {
            return false;
        }

        ClusterUnreachable.LogAnswered(logger, context, exception);
        await Problems.Unavailable(ClusterUnreachable.ApiDetail).ExecuteAsync(context);
        return true;
    }
}
