using Planekeeper.Bench.JobPipeline;
using Planekeeper.Grains.Interfaces.ApiKeys;
using Planekeeper.Grains.Interfaces.Organizations;

namespace Planekeeper.Bench.Agents;

/// <summary>An agent of the fleet: its organization, its own API key (the whole key, as the agent sends it) and its name.</summary>
public sealed record FleetAgent(long OrganizationId, string ApiKey, string Name);

/// <summary>
/// The hosted install the idle agents belong to, made through the grains as the API makes it (organizations with their
/// owner, API keys created and hashed by the key directory): every organization has its agents, each with a key of its
/// own, as a site running one key per agent does.
/// </summary>
public static class FleetSeed
{
    private const int OrganizationsAtOnce = 32;

    public static async Task<IReadOnlyList<FleetAgent>> CreateAsync(IGrainFactory grains, long ownerUserId, int organizations, int agentsPerOrganization)
    {
        var agents = new FleetAgent[organizations * agentsPerOrganization];
        await Parallel.ForEachAsync(Enumerable.Range(0, organizations), new ParallelOptions { MaxDegreeOfParallelism = OrganizationsAtOnce }, async (o, _) =>
        {
            var organization = (await grains.GetGrain<IOrganizationDirectoryGrain>(0).CreateAsync($"tenant {o + 1}", ownerUserId)).OrThrow($"create organization {o + 1}");
            foreach (var (key, a) in await KeysAsync(grains, ownerUserId, organization.Id, agentsPerOrganization))
            {
                agents[o * agentsPerOrganization + a] = new FleetAgent(organization.Id, key, $"site-{o + 1}-agent-{a + 1}");
            }
        });
        return agents;
    }

    /// <summary>One API key per agent of the organization, created one after another.</summary>
    public static async Task<IReadOnlyList<(string Key, int Index)>> KeysAsync(IGrainFactory grains, long ownerUserId, long organizationId, int count)
    {
        var keys = new List<(string, int)>();
        for (var a = 0; a < count; a++)
        {
            var key = (await grains.GetGrain<IApiKeyDirectoryGrain>(0).CreateAsync($"user:{ownerUserId}", organizationId, $"agent {a + 1}", [], null))
                .OrThrow($"create an API key of organization {organizationId}");
            keys.Add((key.Value, a));
        }

        return keys;
    }
}
