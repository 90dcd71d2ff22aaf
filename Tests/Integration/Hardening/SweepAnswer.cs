using System.Text.Json;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>What is wrong with the answer to a sweep request, or null when nothing is.</summary>
public static class SweepAnswer
{
    public static string? Problem(string pattern, SweepRequest request, int status, string? mediaType, string text)
    {
        if (status >= 500)
        {
            return $"answered {status}: {Short(text)}";
        }

        if (request.MustRefuse && status < 400)
        {
            return $"accepted ({status}) a request that can never be valid: {Short(text)}";
        }

        if (request.MustRefuse && request.Status is { } expected && status != expected)
        {
            return $"answered {status}, expected {expected}: {Short(text)}";
        }

        if (status < 400)
        {
            return null;
        }

        // Acknowledge links are pages for a browser: their refusals are HTML by design (docs/notifications.md).
        if (pattern.StartsWith("/ack/", StringComparison.Ordinal) && mediaType == "text/html")
        {
            return null;
        }

        if (mediaType != "application/problem+json")
        {
            return $"answered {status} as '{mediaType}', not problem details: {Short(text)}";
        }

        using var problem = JsonDocument.Parse(text);
        if (!problem.RootElement.TryGetProperty("status", out var written) || written.GetInt32() != status)
        {
            return $"problem details without the status {status}: {Short(text)}";
        }

        if (request.Field is { } field && status == 400 && !NamesField(problem.RootElement, field))
        {
            return $"400 does not name the field '{field}': {Short(text)}";
        }

        return problem.RootElement.TryGetProperty(ProblemCodes.Key, out var code) && code.ValueKind == JsonValueKind.String && Fits(code.GetString()!, status)
            ? null
            : $"problem details without the code of a {status}: {Short(text)}";
    }

    /// <summary>The code a problem of this status may carry: the status's own, or a more specific one documented for it.</summary>
    public static bool Fits(string code, int status) =>
        code == ProblemCodes.ForStatus(status)
        || (status == 403 && code is ProblemCodes.MissingAction or ProblemCodes.ApprovalPending or ProblemCodes.CrossSiteRequest)
        || (status == 429 && code == ProblemCodes.AccountLocked);

    private static bool NamesField(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
        && errors.EnumerateObject().Any(error => error.Name == field || error.Name.StartsWith(field + ".", StringComparison.Ordinal) || error.Name.StartsWith(field + "[", StringComparison.Ordinal));

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
