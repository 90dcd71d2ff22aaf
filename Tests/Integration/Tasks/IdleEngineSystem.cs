using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Tasks;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Tasks;

/// <summary>
/// The task engine on a clock the test moves, with idle engines collected after 2 s (checked every second) instead of
/// minutes, and a way to see whether an organization's engine is active without calling (and so activating) it.
/// </summary>
public sealed class IdleEngineSystem : ClockedSystem
{
    protected override async Task StartSilosAsync()
    {
        await base.StartSilosAsync();
        await CreateFirstAdminAsync();
    }

    protected override void ConfigureSilo(IServiceCollection services) => services.Configure<GrainCollectionOptions>(options =>
    {
        options.CollectionQuantum = TimeSpan.FromSeconds(1);
        options.ClassSpecificCollectionAge[typeof(TaskEngineGrain).FullName!] = TimeSpan.FromSeconds(2);
    });

    public async Task<bool> EngineIsActiveAsync(long organizationId)
    {
        var engine = Grains.GetGrain<ITaskEngineGrain>(organizationId).GetGrainId();
        var activations = await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return activations.Any(activation => activation.GrainId == engine);
    }
}
