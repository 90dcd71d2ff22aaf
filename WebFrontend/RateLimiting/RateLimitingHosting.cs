using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.WebFrontend.RateLimiting;

/// <summary>
/// The request limit (docs/security.md, "Request floods and password guessing"): ASP.NET Core's rate-limiting
/// middleware with one <see cref="ClusterRateLimiter"/> per partition, so the count lives in the cluster and every
/// frontend shares it. Refusals are 429 problem details with <c>Retry-After</c>.
/// </summary>
public static class RateLimitingHosting
{
    public static void AddPlanekeeperRateLimiting(this WebApplicationBuilder builder)
    {
        var settings = RateLimitSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ClusterRateLimits>();
        builder.Services.AddSingleton<SignInThrottle>();
        var earlyAccess = EarlyAccessThrottle.PolicyFrom(builder.Configuration);
        builder.Services.AddSingleton(services => new EarlyAccessThrottle(
            services.GetRequiredService<ClusterRateLimits>(), earlyAccess, services.GetRequiredService<RefusalMetrics>()));
        builder.Services.AddSingleton<RefusalMetrics>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RequestPartition.Of(context) is { } partition
                ? RateLimitPartition.Get(partition, key => new ClusterRateLimiter(
                    key, settings.Requests, context.RequestServices.GetRequiredService<ClusterRateLimits>(), context.RequestServices.GetRequiredService<TimeProvider>()))
                : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.RequestServices.GetRequiredService<RefusalMetrics>().Refused("requests");
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Requests.Window;
                var detail = $"more than {settings.Requests.PermitLimit} requests in {settings.Requests.Window.TotalSeconds:0} s; try again later";
                return new ValueTask(Problems.TooManyRequests(detail, retryAfter).ExecuteAsync(rejected.HttpContext));
            };
        });
    }
}
