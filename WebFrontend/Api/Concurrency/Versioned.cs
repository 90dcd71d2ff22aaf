using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Api.Concurrency;

/// <summary>
/// The two halves of lost-update protection on a route (docs/api.md, "ETags and If-Match"): answers carry the
/// resource's version as <c>ETag</c>, and writes hand the request's <c>If-Match</c> to the grain, which compares it
/// in the same turn as the write.
/// </summary>
public static class Versioned
{
    /// <summary>Runs the write with the versions <c>If-Match</c> allows; 400 naming the header when it cannot be read.</summary>
    public static async Task<IResult> WriteAsync(HttpContext context, Func<ExpectedVersion?, Task<IResult>> write)
    {
        var ifMatch = IfMatch.Parse(context.Request.Headers.IfMatch);
        return ifMatch.IsMalformed
            ? Problems.BadRequestField(IfMatch.Header, "If-Match must be * or a list of entity tags such as \"7\", as an ETag of this resource")
            : await write(ifMatch.Expected);
    }

    /// <summary>200 with the record and its <c>ETag</c>.</summary>
    public static IResult Ok<T>(T record) where T : IVersioned => Tagged(Results.Ok(record), record.Version);

    /// <summary>Any answer about the resource, with its <c>ETag</c>.</summary>
    public static IResult Tagged(IResult inner, int version) => new ETagged(inner, version);

    private sealed class ETagged(IResult inner, int version) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = EntityTag.Of(version);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
