using Microsoft.Extensions.Configuration;
using Planekeeper.Configuration;

namespace Planekeeper.Tests.Unit.Configuration;

/// <summary>Secrets given as files: <c>NAME_FILE</c> names the file whose content is <c>NAME</c> (docs/configuration.md, "Secrets from files").</summary>
public sealed class SettingFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("planekeeper-setting-files-").FullName;

    [Fact]
    public void A_file_gives_the_setting_its_content_without_the_trailing_line_break()
    {
        var files = SettingFiles.Read(Environment(("PG_PASSWORD_FILE", Write("pg", "s3cret; with spaces \n"))));

        Assert.Equal("s3cret; with spaces ", files["PG_PASSWORD"]);
    }

    [Fact]
    public void Windows_line_endings_are_dropped_too()
    {
        var files = SettingFiles.Read(Environment(("AGENT_BOOTSTRAP_SECRET_FILE", Write("bootstrap", "abc\r\n"))));

        Assert.Equal("abc", files["AGENT_BOOTSTRAP_SECRET"]);
    }

    [Fact]
    public void A_setting_given_both_ways_stops_the_start_naming_both()
    {
        var problem = Assert.Throws<StartupConfigurationException>(() => SettingFiles.Read(
            Environment(("PLANEKEEPER_JWT_SECRET", "inline"), ("PLANEKEEPER_JWT_SECRET_FILE", Write("jwt", "from file")))));

        Assert.Equal("PLANEKEEPER_JWT_SECRET and PLANEKEEPER_JWT_SECRET_FILE are both set: give the setting one way only", problem.Message);
    }

    [Fact]
    public void An_unreadable_file_stops_the_start_naming_the_variable_and_the_path()
    {
        var missing = Path.Combine(_folder, "missing");

        var problem = Assert.Throws<StartupConfigurationException>(() => SettingFiles.Read(Environment(("PLANEKEEPER_ADMIN_PASSWORD_FILE", missing))));

        Assert.StartsWith($"PLANEKEEPER_ADMIN_PASSWORD_FILE: cannot read {missing}: ", problem.Message);
    }

    [Fact]
    public void Other_programs_FILE_variables_are_left_alone()
    {
        var files = SettingFiles.Read(Environment(("SSL_CERT_FILE", Path.Combine(_folder, "missing")), ("TF_CLI_CONFIG_FILE", Write("tf", "x"))));

        Assert.Empty(files);
    }

    [Fact]
    public void An_empty_FILE_variable_is_no_setting()
    {
        Assert.Empty(SettingFiles.Read(Environment(("PG_PASSWORD_FILE", ""), ("PG_PASSWORD", "inline"))));
    }

    [Fact]
    public void Host_configuration_sees_a_file_setting_as_the_environment_would_with_sections()
    {
        var files = SettingFiles.Read(Environment(("ConnectionStrings__Planekeeper_FILE", Write("connection", "Host=db;Username=u\n"))));

        var configuration = new ConfigurationBuilder().AddSettingFiles(files).Build();

        Assert.Equal("Host=db;Username=u", configuration.GetConnectionString("Planekeeper"));
    }

    [Fact]
    public void The_agent_sees_a_file_setting_over_its_environment()
    {
        var files = SettingFiles.Read(Environment(("AGENT_API_KEY_FILE", Write("key", "pk_1_abc\n"))));

        var environment = SettingFiles.Over(files, name => name == "AGENT_NAME" ? "site-a" : null);

        Assert.Equal("pk_1_abc", environment("AGENT_API_KEY"));
        Assert.Equal("site-a", environment("AGENT_NAME"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Dictionary<string, string?> Environment(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(variable => variable.Name, variable => (string?)variable.Value);
}
