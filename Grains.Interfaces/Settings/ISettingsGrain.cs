using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Settings;

/// <summary>An organization's settings (key: organization id, 0 = global); values are validated per key.</summary>
[Alias("planekeeper.settings")]
public interface ISettingsGrain : IGrainWithIntegerKey
{
    [Alias("list")]
    Task<IReadOnlyDictionary<string, string>> ListAsync();

    /// <summary>Sets (or with a null value, clears) a known setting.</summary>
    [Alias("set")]
    Task<CommandResult<IReadOnlyDictionary<string, string>>> SetAsync(string actor, string key, string? value);
}
