using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Planekeeper.Tests.Unit.Deployment;

/// <summary>
/// The three images (deploy/docker/): multi-stage from the .NET 10 SDK to the runtime, an unprivileged user, a health
/// check through the program's own <c>--health-check</c>, OCI labels from build arguments (docs/deploy.md, "Images").
/// </summary>
public class DockerfileTests
{
    public static TheoryData<string, string, string> Images => new()
    {
        // image, project folder, runtime image
        { "silo", "Silo", "mcr.microsoft.com/dotnet/aspnet:10.0" },
        { "frontend", "WebFrontend", "mcr.microsoft.com/dotnet/aspnet:10.0" },
        { "agent", "Agent", "mcr.microsoft.com/dotnet/runtime:10.0" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Builds_with_the_SDK_and_runs_on_the_runtime_image(string image, string project, string runtime)
    {
        var stages = Stages(image);

        Assert.Equal(2, stages.Count);
        Assert.Equal("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages[0][0]);
        Assert.Equal($"FROM {runtime}", stages[1][0]);
        Assert.Contains($"RUN dotnet publish {project}/{project}.csproj -c Release --no-restore -o /app -p:InformationalVersion=$VERSION", stages[0]);
        Assert.Contains("COPY --from=build /app ./", stages[1]);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Restores_from_the_project_files_before_copying_the_sources(string image, string project, string runtime)
    {
        _ = runtime;
        var build = Stages(image)[0];
        var restore = build.IndexOf($"RUN dotnet restore {project}/{project}.csproj");

        Assert.True(restore > 0, "no restore step");
        Assert.Equal("COPY global.json Directory.Build.props Directory.Packages.props ./", build.First(line => line.StartsWith("COPY")));
        foreach (var needed in ProjectClosure($"{project}/{project}.csproj"))
        {
            var folder = Path.GetDirectoryName(needed)!;
            var projectFile = build.IndexOf($"COPY {needed} {folder}/");
            var sources = build.IndexOf($"COPY {folder}/ {folder}/");
            Assert.True(projectFile >= 0 && projectFile < restore, $"{needed} is not copied before the restore");
            Assert.True(sources > restore, $"the sources of {folder} are not copied after the restore");
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Runs_as_an_unprivileged_user_with_a_health_check_of_its_own_program(string image, string project, string runtime)
    {
        _ = runtime;
        var final = Stages(image)[1];
        var dll = $"{AssemblyName(project)}.dll";

        var user = Assert.Single(final, line => line.StartsWith("USER "));
        Assert.DoesNotMatch(@"^USER (root|0)(:|$)", user);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{dll}\"]", final);
        var healthCheck = Assert.Single(final, line => line.StartsWith("HEALTHCHECK "));
        Assert.EndsWith($"CMD [\"dotnet\", \"{dll}\", \"--health-check\"]", healthCheck);
        Assert.True(final.IndexOf(user) < final.IndexOf(healthCheck), "USER comes before HEALTHCHECK and ENTRYPOINT");
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Is_labelled_with_version_source_and_revision_from_build_arguments(string image, string project, string runtime)
    {
        _ = (project, runtime);
        var final = Stages(image)[1];
        var label = Assert.Single(final, line => line.StartsWith("LABEL "));

        foreach (var (name, argument) in new[] { ("version", "VERSION"), ("source", "SOURCE"), ("revision", "REVISION") })
        {
            Assert.Contains($"org.opencontainers.image.{name}=\"${argument}\"", label);
            Assert.Contains(final, line => line.StartsWith($"ARG {argument}="));
        }
    }

    [Fact]
    public void The_agent_image_adds_git_and_CA_certificates()
    {
        var install = Assert.Single(Stages("agent")[1], line => line.StartsWith("RUN apt-get update"));

        Assert.Matches(@"apt-get install -y --no-install-recommends( \S+)* git( |$)", install);
        Assert.Contains(" ca-certificates", install);
        Assert.Contains("rm -rf /var/lib/apt/lists/*", install);
    }

    [Fact]
    public void The_build_script_builds_all_three_with_one_version()
    {
        var script = File.ReadAllText(DeploymentFiles.Path("deploy", "docker", "build.sh"));

        Assert.Contains("for program in silo frontend agent; do", script);
        Assert.Contains("--build-arg \"VERSION=$version\"", script);
        Assert.Contains("--tag \"$image\"", script);
        Assert.All(new[] { "silo", "frontend", "agent" }, image => Assert.True(File.Exists(Dockerfile(image))));
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_local_state()
    {
        var ignored = File.ReadAllLines(DeploymentFiles.Path(".dockerignore"));

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);
        Assert.Contains(".data/", ignored);
        Assert.DoesNotContain(ignored, line => line.Contains("Directory.") || line.Contains("global.json"));
    }

    private static string Dockerfile(string image) => DeploymentFiles.Path("deploy", "docker", $"{image}.Dockerfile");

    /// <summary>The instructions of each stage, continuation lines joined, comments dropped.</summary>
    private static List<List<string>> Stages(string image)
    {
        var text = Regex.Replace(File.ReadAllText(Dockerfile(image)), @"\\\n\s*", "");
        var instructions = text.Split('\n').Select(line => Regex.Replace(line.Trim(), @"\s+", " ")).Where(line => line.Length > 0 && !line.StartsWith('#'));
        var stages = new List<List<string>>();
        foreach (var instruction in instructions)
        {
            if (instruction.StartsWith("FROM "))
            {
                stages.Add([]);
            }

            stages[^1].Add(instruction);
        }

        return stages;
    }

    /// <summary>A project and every project it references, as repository-relative paths.</summary>
    private static IReadOnlySet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(next)!;
            foreach (var reference in XDocument.Load(DeploymentFiles.Path(next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(DeploymentFiles.Path(folder), reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(DeploymentFiles.Path(), full).Replace('\\', '/'));
            }
        }

        return found;
    }

    private static string AssemblyName(string project) =>
        XDocument.Load(DeploymentFiles.Path(project, $"{project}.csproj")).Descendants("AssemblyName").Single().Value;
}
