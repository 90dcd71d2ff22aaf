using System.Collections.Concurrent;
using Orleans.Metadata;

namespace Planekeeper.Grains.Interfaces.Common;

/// <summary>
/// References to integer-keyed grains for the hot paths of agents' requests, in the frontend and in the silo. Orleans'
/// <c>GetGrain&lt;T&gt;(key)</c> reads <c>T</c>'s attributes by reflection on every call to find its interface type:
/// serving ten thousand agents that was about 8 % of a frontend's CPU, and in the silo, where each claim and report paid
/// it again, about a tenth of the allocations under a busy task engine (docs/architecture.md, "Scaling model"). This
/// resolves each interface once.
/// </summary>
public sealed class GrainReferences(
    IGrainFactory grains, GrainInterfaceTypeResolver interfaceTypes, GrainInterfaceTypeToGrainTypeResolver grainTypes)
{
    private readonly ConcurrentDictionary<Type, (GrainInterfaceType Interface, GrainType Grain)> _resolved = new();

    public T Get<T>(long key) where T : IGrainWithIntegerKey
    {
        var (interfaceType, grainType) = _resolved.GetOrAdd(typeof(T), Resolve);
        return (T)grains.GetGrain(GrainId.Create(grainType, GrainIdKeyExtensions.CreateIntegerKey(key)), interfaceType);
    }

    private (GrainInterfaceType, GrainType) Resolve(Type type)
    {
        var interfaceType = interfaceTypes.GetGrainInterfaceType(type);
        return (interfaceType, grainTypes.GetGrainType(interfaceType));
    }
}
