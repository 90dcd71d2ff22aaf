using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Concurrency;

/// <summary>
/// The refusal of a write whose <c>If-Match</c> names a version the resource no longer has (docs/api.md, "ETags and
/// If-Match"): the grain compares in the same turn as the write, so nothing was changed.
/// </summary>
public static class StaleVersion
{
    public static CommandResult<T> Refused<T>(string noun) =>
        CommandResult<T>.PreconditionFailed($"the {noun} changed since it was read: read it again for its new ETag, then retry");
}
