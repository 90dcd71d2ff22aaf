namespace Planekeeper.Grains.Interfaces.Common;

/// <summary>
/// A record of a resource that changes one version at a time; the version is its <c>ETag</c> (docs/api.md, "ETags and
/// If-Match") and stays out of the JSON body.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
