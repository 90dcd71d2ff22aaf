using Planekeeper.Configuration;
using Planekeeper.Grains.Identity;

namespace Planekeeper.Silo.Hosting;

/// <summary>Reads <see cref="SessionSettings"/> from <c>SESSION_LIFETIME</c> and <c>SESSION_IDLE_TIMEOUT</c>.</summary>
public static class SessionSettingsReader
{
    public static SessionSettings Read(IConfiguration configuration)
    {
        var defaults = SessionSettings.Default;
        var lifetime = DurationSetting.Read(configuration, "SESSION_LIFETIME", defaults.Lifetime);
        var idle = DurationSetting.Read(configuration, "SESSION_IDLE_TIMEOUT", defaults.IdleTimeout);
        if (lifetime < TimeSpan.FromMinutes(5) || idle < TimeSpan.FromMinutes(5))
        {
            throw new StartupConfigurationException($"SESSION_LIFETIME and SESSION_IDLE_TIMEOUT must be at least 5m, got {lifetime} and {idle}");
        }

        return new SessionSettings(lifetime, idle);
    }
}
