using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Api;

/// <summary>RFC 9457 problem responses, and the mapping of grain command results to HTTP.</summary>
public static class Problems
{
    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Conflict(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, "The request has invalid fields.", statusCode: StatusCodes.Status422UnprocessableEntity);

    /// <summary>412 <c>precondition_failed</c>: <c>If-Match</c> names a version the resource no longer has; nothing changed.</summary>
    public static IResult PreconditionFailed(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed");

    public static IResult Unauthorized(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static IResult Forbidden(string detail, string? missingAction = null) => Results.Problem(
        detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
        extensions: missingAction is null ? null : new Dictionary<string, object?> { ["missing_action"] = missingAction });

    /// <summary>403 with a specific <see cref="ProblemCodes"/> code, e.g. <see cref="ProblemCodes.ApprovalPending"/>.</summary>
    public static IResult ForbiddenBecause(string code, string detail) => Results.Problem(
        detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", extensions: new Dictionary<string, object?> { [ProblemCodes.Key] = code });

    /// <summary>503 with <c>Retry-After: 1</c>: nothing happened, the same request may be sent again.</summary>
    public static IResult Unavailable(string detail) => new RetryAfter(
        Results.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable"), seconds: 1);

    /// <summary>429 with <c>Retry-After</c> in whole seconds (at least 1).</summary>
    public static IResult TooManyRequests(string detail, TimeSpan retryAfter) => new RetryAfter(
        Results.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests"),
        seconds: Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));

    /// <summary>400: the request could not be read (wrong JSON type, missing body, unparsable parameter); names the field.</summary>
    public static IResult BadRequestField(string field, string message) => Results.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] }, "The request could not be read.", statusCode: StatusCodes.Status400BadRequest);

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult From<T>(CommandResult<T> result, Func<T, IResult> onOk) => result.Status switch
    {
        CommandStatus.Ok => onOk(result.Value!),
        CommandStatus.NotFound => NotFound(result.Detail ?? "not found"),
        CommandStatus.Conflict => Conflict(result.Detail ?? "conflict"),
        CommandStatus.PreconditionFailed => PreconditionFailed(result.Detail ?? "the resource changed since it was read"),
        CommandStatus.Forbidden => Results.Problem(
            result.Detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            extensions: result.Errors?.ToDictionary(e => e.Key, e => (object?)e.Value)),
        _ => Invalid(result.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? new Dictionary<string, string[]> { [""] = [result.Detail ?? "invalid"] }),
    };
}

/// <summary>Any result, with a <c>Retry-After</c> header.</summary>
internal sealed class RetryAfter(IResult inner, int seconds) : IResult
{
    public RetryAfter(IResult inner, TimeSpan wait) : this(inner, Seconds(wait))
    {
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        Set(httpContext.Response, seconds);
        return inner.ExecuteAsync(httpContext);
    }

    public static void Set(HttpResponse response, TimeSpan wait) => Set(response, Seconds(wait));

    /// <summary>Whole seconds, rounded up.</summary>
    private static int Seconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);

    private static void Set(HttpResponse response, int seconds) =>
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
