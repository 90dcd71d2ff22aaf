using System.Net.Http.Headers;

namespace Planekeeper.Agent.Gathering;

/// <summary>If-None-Match / If-Modified-Since from the last fetch's validators, and the validators of an answer.</summary>
internal static class ConditionalRequest
{
    public static void Apply(HttpRequestMessage request, UpstreamValidators? previous)
    {
        if (previous?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var parsed))
        {
            request.Headers.IfNoneMatch.Add(parsed);
        }

        request.Headers.IfModifiedSince = previous?.LastModified;
    }

    public static UpstreamValidators? ValidatorsOf(HttpResponseMessage response)
    {
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified;
        return etag is null && lastModified is null ? null : new UpstreamValidators(etag, lastModified);
    }
}
