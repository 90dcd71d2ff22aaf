using Microsoft.AspNetCore.Mvc;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// The machine-readable <c>code</c> every problem response carries (docs/api.md, "Errors"), so scripts never parse the
/// English <c>detail</c>. A response that set a more specific code keeps it; otherwise the status decides.
/// </summary>
public static class ProblemCodes
{
    public const string BadRequest = "bad_request";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string MissingAction = "missing_action";
    public const string ApprovalPending = "approval_pending";
    public const string CrossSiteRequest = "cross_site_request";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Conflict = "conflict";
    public const string PreconditionFailed = "precondition_failed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string ValidationFailed = "validation_failed";
    public const string RateLimited = "rate_limited";
    public const string AccountLocked = "account_locked";
    public const string AccountLockedByOperator = "account_locked_by_operator";
    public const string OrganizationSuspended = "organization_suspended";
    public const string InternalError = "internal_error";
    public const string Unavailable = "unavailable";
    public const string Maintenance = "maintenance";
    public const string Error = "error";

    public const string Key = "code";

    /// <summary>Every code, for the documentation check.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        BadRequest, Unauthenticated, Forbidden, MissingAction, ApprovalPending, CrossSiteRequest, NotFound, MethodNotAllowed, Conflict,
        PreconditionFailed, PayloadTooLarge, UnsupportedMediaType, ValidationFailed, RateLimited, AccountLocked,
        AccountLockedByOperator, OrganizationSuspended, InternalError, Unavailable, Maintenance, Error,
    ];

    public static void Apply(ProblemDetails problem)
    {
        if (!problem.Extensions.ContainsKey(Key))
        {
            problem.Extensions[Key] = problem.Extensions.ContainsKey("missing_action") || problem.Extensions.ContainsKey("missing_actions")
                ? MissingAction
                : ForStatus(problem.Status ?? 500);
        }
    }

    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        412 => PreconditionFailed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => ValidationFailed,
        429 => RateLimited,
        500 => InternalError,
        503 => Unavailable,
        _ => Error,
    };
}
