using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
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

    public async Task<CommandResult<IReadOnlyDictionary<string, string>>> SetAsync(string actor, string key, string? value)
    {
        if (!SettingRules.IsKnown(key, OrganizationId))
        {
            return CommandResult<IReadOnlyDictionary<string, string>>.NotFound($"no setting '{key}'");
        }

        if (value is not null && await ProblemAsync(key, value) is { } problem)
        {
            return CommandResult<IReadOnlyDictionary<string, string>>.Invalid("value", problem);
        }

        await store.SetAsync(OrganizationId, key, string.IsNullOrEmpty(value) ? null : value);
        await audit.WriteAsync(new AuditEntry(OrganizationId, actor, "setting.updated", $"setting:{key}"));
        return CommandResult<IReadOnlyDictionary<string, string>>.Ok(await store.ListAsync(OrganizationId));
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
