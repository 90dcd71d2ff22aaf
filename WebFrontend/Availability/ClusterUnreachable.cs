namespace Planekeeper.WebFrontend.Availability;

/// <summary>
/// A grain call that failed because the frontend could not reach the cluster — no gateway, the silo left, the call
/// timed out — as opposed to an error the grain itself raised. The caller is told to try again
/// (503 with <c>Retry-After</c>, docs/operations.md, "Maintenance and outages") instead of getting a 500.
/// </summary>
public static partial class ClusterUnreachable
{
    public const string Title = "Service temporarily unavailable";

    public const string Reason =
        "Planekeeper cannot reach its cluster right now. The page comes back by itself as soon as it can; nothing you did caused this.";

    public const string ApiDetail = "Planekeeper cannot reach its cluster right now. Try again in a moment.";

    public static bool Is(Exception exception) => exception is OrleansException or TimeoutException;

    /// <summary>A warning, not an error: the request was answered 503 and the caller tries again.</summary>
    public static void LogAnswered(ILogger logger, HttpContext context, Exception exception) =>
        LogAnswered(logger, context.Request.Method, context.Request.Path, exception.GetType().Name, exception.Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the cluster could not be reached ({ExceptionType}: {ExceptionMessage})")]
    private static partial void LogAnswered(ILogger logger, string method, PathString path, string exceptionType, string exceptionMessage);
}
