namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// An agent asking for work: what it can run. A server agent (a key of the global scope, organization 0) runs
/// jobs of every organization that name no credential.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.claiming-agent")]
public sealed record ClaimingAgent(
    [property: Id(0)] long AgentId,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] IReadOnlyList<string> Capabilities,
    [property: Id(3)] IReadOnlyList<string> CredentialNames)
{
    public const long GlobalOrganizationId = 0;

    public bool IsServerAgent => OrganizationId == GlobalOrganizationId;
}
