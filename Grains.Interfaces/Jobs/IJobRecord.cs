using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>What every kind of job shows: identity, owner, where it stands and (as its ETag) the definition's version.</summary>
public interface IJobRecord : IVersioned
{
    long Id { get; }

    long OrganizationId { get; }

    string Status { get; }
}
