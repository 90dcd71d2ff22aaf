namespace Planekeeper.WebFrontend.Api.Concurrency;

/// <summary>
/// Endpoint metadata of a route whose resource carries an <c>ETag</c> and which honours <c>If-Match</c>
/// (docs/api.md, "ETags and If-Match"); the OpenAPI description documents the header and the 412 from it.
/// </summary>
public sealed class VersionedResource
{
    public static VersionedResource Instance { get; } = new();

    private VersionedResource()
    {
    }
}

public static class VersionedResourceExtensions
{
    /// <summary>Marks the route as answering an <c>ETag</c> and, for writes, honouring <c>If-Match</c>.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) => builder.WithMetadata(VersionedResource.Instance);
}
