using Microsoft.AspNetCore.Http.Features;

namespace Planekeeper.WebFrontend.Hosting.Input;

/// <summary>
/// The largest request body each family of routes accepts (docs/api.md, "Request bodies and limits"): small where
/// anyone may send (sign-up, sign-in, agent bootstrap, the early-access form), large where an agent reports tasks' results (complete, report), 1 MiB elsewhere.
/// A larger body is refused with 413 before it is read: at once when <c>Content-Length</c> says so, and when a chunked
/// body passes the limit while it is read.
/// </summary>
public static class RequestBodyLimits
{
    public const long AnonymousBytes = 16 * 1024;
    public const long TaskReportBytes = 16 * 1024 * 1024;
    public const long DefaultBytes = 1024 * 1024;

    private static readonly string[] AnonymousPrefixes = ["/api/v1/auth/", "/api/v1/agent/bootstrap", "/ack/", "/earlyaccess"];

    public static long For(PathString path)
    {
        var value = path.Value ?? "";
        if (AnonymousPrefixes.Any(prefix => value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return AnonymousBytes;
        }

        return value.StartsWith("/api/v1/agent/tasks/", StringComparison.OrdinalIgnoreCase)
            && (value.EndsWith("/complete", StringComparison.OrdinalIgnoreCase) || value.EndsWith("/report", StringComparison.OrdinalIgnoreCase))
            ? TaskReportBytes
            : DefaultBytes;
    }

    public static IResult TooLarge(long? limit = null) => Results.Problem(
        limit is { } bytes ? $"the request body is larger than the {bytes} bytes this route accepts" : "the request body is larger than this route accepts",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    public static void UseRequestBodyLimits(this WebApplication app) => app.Use(async (context, next) =>
    {
        var limit = For(context.Request.Path);
        if (context.Request.ContentLength > limit)
        {
            await TooLarge(limit).ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    });
}
