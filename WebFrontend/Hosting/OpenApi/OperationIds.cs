using Planekeeper.WebFrontend.Authorization;

namespace Planekeeper.WebFrontend.Hosting.OpenApi;

/// <summary>
/// The one rule that names every operation of the OpenAPI documents from its method and route (docs/api.md,
/// "OpenAPI description"), so a new route gets a stable operationId without anyone choosing one:
/// <list type="number">
/// <item>The route is normalised (<c>{id:long}</c> → <c>{id}</c>) and <c>/api/v1</c> dropped; a leading <c>internal</c>
/// segment (the internal API) becomes the prefix <c>internal</c>.</item>
/// <item>The words are the literal segments in order; a segment followed by a parameter names one item and is made
/// singular (<c>gather-jobs/{id}</c> → <c>GatherJob</c>); parameters themselves add no word.</item>
/// <item>The verb: <c>GET</c> of a one-segment route is <c>list</c>, any other <c>GET</c> is <c>get</c>;
/// <c>PUT</c>/<c>PATCH</c> <c>update</c>; <c>DELETE</c> <c>delete</c>; <c>POST</c> to a one-segment route is
/// <c>create</c> (of one, so singular); any other <c>POST</c> takes its last literal segment as the verb
/// (<c>…/{id}/run</c> → <c>run</c>).</item>
/// <item>camelCase: verb, then every word in PascalCase (hyphens and dots split words).</item>
/// </list>
/// <c>GET /api/v1/gather-jobs</c> → <c>listGatherJobs</c>, <c>POST /api/v1/gather-jobs/{id}/run</c> → <c>runGatherJob</c>,
/// <c>GET /api/v1/internal/users</c> → <c>internalListUsers</c>. Where the rule reads badly, an explicit
/// <c>.WithName("…")</c> on the endpoint wins (<see cref="OperationIdTransformer"/>).
/// </summary>
public static class OperationIds
{
    private const string ApiPrefix = "/api/v1";
    private const string InternalSegment = "internal";

    public static string For(string method, string route)
    {
        var path = RouteActions.Normalize(route);
        if (path.Equals(ApiPrefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(ApiPrefix + "/", StringComparison.OrdinalIgnoreCase))
            path = path[ApiPrefix.Length..];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var isInternal = segments.Count > 1 && segments[0].Equals(InternalSegment, StringComparison.OrdinalIgnoreCase);
        if (isInternal)
            segments.RemoveAt(0);

        var words = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (IsParameter(segments[i]))
                continue;
            var namesOneItem = i + 1 < segments.Count && IsParameter(segments[i + 1]);
            words.Add(namesOneItem ? Singular(segments[i]) : segments[i]);
        }

        var endsWithParameter = segments.Count > 0 && IsParameter(segments[^1]);
        string verb;
        switch (method.ToUpperInvariant())
        {
            case "GET":
                verb = segments.Count == 1 ? "list" : "get";
                break;
            case "PUT" or "PATCH":
                verb = "update";
                break;
            case "DELETE":
                verb = "delete";
                break;
            case "POST" when segments.Count == 1 || endsWithParameter || words.Count == 0:
                verb = "create";
                if (words.Count > 0)
                    words[^1] = Singular(words[^1]);
                break;
            default:
                verb = words[^1];
                words.RemoveAt(words.Count - 1);
                break;
        }

        var name = Pascal(verb) + string.Concat(words.Select(Pascal));
        return isInternal ? "internal" + name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>English plural of a resource segment to its singular, on the segment's last word: <c>notification-deliveries</c> → <c>notification-delivery</c>.</summary>
    public static string Singular(string segment) =>
        segment.EndsWith("ies", StringComparison.Ordinal) ? segment[..^3] + "y"
        : segment.EndsWith("ss", StringComparison.Ordinal) ? segment
        : segment.EndsWith('s') ? segment[..^1]
        : segment;

    private static bool IsParameter(string segment) => segment.StartsWith('{');

    private static string Pascal(string segment) =>
        string.Concat(segment.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
