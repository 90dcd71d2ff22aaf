using Microsoft.Extensions.Configuration;

namespace Planekeeper.Configuration;

/// <summary>Adds the secrets given as files (<see cref="SettingFiles"/>) to a host's configuration, as the environment would.</summary>
public static class SettingFilesConfiguration
{
    /// <exception cref="StartupConfigurationException">A setting is given both ways, or a file cannot be read.</exception>
    public static IConfigurationBuilder AddSettingFiles(this IConfigurationBuilder configuration) =>
        configuration.AddSettingFiles(SettingFiles.FromEnvironment());

    public static IConfigurationBuilder AddSettingFiles(this IConfigurationBuilder configuration, IReadOnlyDictionary<string, string> files) =>
        configuration.AddInMemoryCollection(files
            // The environment's "__" separates configuration sections (ConnectionStrings__Planekeeper_FILE).
            .Select(setting => KeyValuePair.Create(setting.Key.Replace("__", ConfigurationPath.KeyDelimiter), (string?)setting.Value)));
}
