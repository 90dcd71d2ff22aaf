using Microsoft.Extensions.Configuration;

namespace Planekeeper.Configuration;

/// <summary>A true/false setting: unset, empty, <c>false</c> or <c>0</c> is false; <c>true</c> or <c>1</c> is true; anything else stops the program at start.</summary>
public static class BooleanSetting
{
    public static bool Read(IConfiguration configuration, string key) => configuration[key]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        var other => throw new StartupConfigurationException($"{key} must be true or false, got '{other}'"),
    };
}
