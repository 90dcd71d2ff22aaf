namespace Planekeeper.Grains.Interfaces.Jobs;

/// <summary>What every kind of job shows: identity, owner and where it stands.</summary>
public interface IJobRecord
{
    long Id { get; }

    long OrganizationId { get; }

    string Status { get; }
}
