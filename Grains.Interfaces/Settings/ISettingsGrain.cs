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

    /// <summary>The settings with their version (docs/api.md, "ETags and If-Match").</summary>
    [Alias("get")]
    Task<SettingsRecord> GetAsync();

    /// <summary>
    /// Sets or clears a setting only while the settings are at a version <paramref name="expected"/> allows (null:
    /// any); otherwise 412 and nothing changes. The check and the write are one database transaction.
    /// </summary>
    [Alias("set-at-version")]
    Task<CommandResult<SettingsRecord>> SetAtVersionAsync(string actor, string key, string? value, ExpectedVersion? expected);
}
