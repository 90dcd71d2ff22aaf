using System.Diagnostics;

namespace Planekeeper.Tests.Unit.Deployment;

/// <summary>The compose file is valid for docker-compose, and every variable it uses is in .env.example and documented.</summary>
public class ComposeFileTests
{
    [Fact]
    public async Task Docker_compose_config_accepts_the_compose_file_with_the_example_env()
    {
        var start = new ProcessStartInfo("docker-compose", ["--env-file", DeploymentFiles.EnvExample, "-f", DeploymentFiles.ComposeFile, "config", "-q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DeploymentFiles.ComposeFolder,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("docker-compose is not installed: deploy/dev/test.sh installs Debian's docker-compose (apt-get install docker-compose)");
            return;
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(process.ExitCode == 0, $"docker-compose config -q failed:\n{await errors}");
        }
    }

    [Fact]
    public void The_example_env_sets_every_variable_the_compose_file_uses_and_no_other()
    {
        var used = DeploymentFiles.Variables(File.ReadAllText(DeploymentFiles.ComposeFile));
        var set = DeploymentFiles.EnvFileVariables(DeploymentFiles.EnvExample);

        Assert.Empty(used.Except(set).Order());
        Assert.Empty(set.Except(used).Order());
    }

    [Fact]
    public void Every_variable_of_the_example_env_is_documented_in_configuration_md()
    {
        var documentation = DeploymentFiles.Documentation("configuration.md");

        Assert.Empty(DeploymentFiles.EnvFileVariables(DeploymentFiles.EnvExample).Where(variable => !documentation.Contains($"`{variable}`")).Order());
    }

    [Fact]
    public void Every_setting_the_compose_file_gives_a_Planekeeper_program_is_documented()
    {
        var documentation = DeploymentFiles.Documentation("configuration.md", "agent.md");
        var services = DeploymentFiles.Yaml(DeploymentFiles.ComposeFile).Map("services");
        var programs = services.Keys.Select(key => key.ToString()!).Where(name => name is not ("postgres" or "traefik"));

        var settings = programs.SelectMany(name => services.Map(name).Environment().Keys).Distinct();

        Assert.Empty(settings.Where(setting => !documentation.Contains($"`{setting}`")).Order());
    }

    [Fact]
    public void The_secret_files_and_the_env_file_are_not_committed()
    {
        var ignored = File.ReadAllLines(Path.Combine(DeploymentFiles.ComposeFolder, ".gitignore"));

        Assert.Contains("secrets/", ignored);
        Assert.Contains(".env", ignored);
    }
}
