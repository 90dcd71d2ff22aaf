using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Concurrency;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Settings;
using Planekeeper.Grains.Notifications.Routing;

namespace Planekeeper.Grains.Settings;

/// <summary>An organization's settings (key: organization id, 0 = global), validated per key.</summary>
[StatelessWorker]
[GrainType("planekeeper.settings")]
public sealed class SettingsGrain(SettingsStore store, AuditWriter audit) : Grain, ISettingsGrain
{
    private long OrganizationId => this.GetPrimaryKeyLong();

    public async Task<IReadOnlyDictionary<string, string>> ListAsync() => await store.ListAsync(OrganizationId);

    public Task<SettingsRecord> GetAsync() => store.ReadAsync(OrganizationId);

    public async Task<CommandResult<IReadOnlyDictionary<string, string>>> SetAsync(string actor, string key, string? value)
    {
        var set = await SetAtVersionAsync(actor, key, value, null);
        return set.Status == CommandStatus.Ok
            ? CommandResult<IReadOnlyDictionary<string, string>>.Ok(set.Value!.Values)
            : set.Without<IReadOnlyDictionary<string, string>>();
    }

    /// <summary>
    /// A stateless worker has several activations at once, so the version is compared by the database in the write's
    /// own transaction rather than in a grain turn.
    /// </summary>
    public async Task<CommandResult<SettingsRecord>> SetAtVersionAsync(string actor, string key, string? value, ExpectedVersion? expected)
    {
        if (!SettingRules.IsKnown(key, OrganizationId))
        {
            return CommandResult<SettingsRecord>.NotFound($"no setting '{key}'");
        }

        if (value is not null && await ProblemAsync(key, value) is { } problem)
        {
            return CommandResult<SettingsRecord>.Invalid("value", problem);
        }

        if (await store.SetAsync(OrganizationId, key, string.IsNullOrEmpty(value) ? null : value, expected) is null)
        {
            return StaleVersion.Refused<SettingsRecord>("organization's settings");
        }

        await audit.WriteAsync(new AuditEntry(OrganizationId, actor, "setting.updated", $"setting:{key}"));
        return CommandResult<SettingsRecord>.Ok(await store.ReadAsync(OrganizationId));
    }

    private async Task<string?> ProblemAsync(string key, string value)
    {
        if (key == NotificationRouter.DefaultChannelSetting)
        {
            return value.Length == 0 || (long.TryParse(value, out var channel) && OrganizationId != 0 && await store.ChannelOwnerAsync(channel) == OrganizationId)
                ? null
                : $"no notification channel {value} in this organization";
        }

        if (key == MaintenanceBanner.Setting)
        {
            MaintenanceBanner.Parse(value, out var problem);
            return problem;
        }

        return SettingRules.TemplateProblem(key, value);
    }
}
