using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using NJsonSchema.CodeGeneration.CSharp;

namespace Planekeeper.Tests.GeneratedClient;

/// <summary>
/// A C# client that NSwag generates from an OpenAPI document, one method per operation named after its operationId
/// (docs/api.md, "Generating a client"), compiled by Roslyn into an in-memory assembly together with code written
/// against its types. The generated file is also written to <see cref="Folder"/> to read after a failure.
/// </summary>
public sealed class GeneratedClient
{
    public const string Namespace = "Planekeeper.Generated";
    public const string ClassName = "PlanekeeperClient";

    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "planekeeper-generated-client");

    private GeneratedClient(Assembly assembly) => Assembly = assembly;

    public Assembly Assembly { get; }

    /// <summary>Generates the client from <paramref name="documentJson"/> and compiles it with <paramref name="sources"/>.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">The document could not be read or generated from, or the code does not compile.</exception>
    public static async Task<GeneratedClient> CompileAsync(string documentJson, params (string Name, string Code)[] sources)
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, "v1.json"), documentJson);
        var code = await GenerateAsync(documentJson);
        await File.WriteAllTextAsync(Path.Combine(Folder, ClassName + ".cs"), code);
        return new(Compile([(ClassName + ".cs", code), .. sources]));
    }

    private static async Task<string> GenerateAsync(string documentJson)
    {
        try
        {
            var document = await OpenApiDocument.FromJsonAsync(documentJson);
            var settings = new CSharpClientGeneratorSettings
            {
                ClassName = ClassName,
                GenerateClientInterfaces = false,
                OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
                // NSwag's default, Newtonsoft.Json: its enum converter writes the enums' wire names (EnumMember), which
                // System.Text.Json's JsonStringEnumConverter, as NSwag 14.8 emits it, does not.
                CSharpGeneratorSettings = { Namespace = Namespace, JsonLibrary = CSharpJsonLibrary.NewtonsoftJson },
            };
            return new CSharpClientGenerator(document, settings).GenerateFile();
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException($"NSwag could not generate a client from the document (kept in {Folder}):\n{exception}");
        }
    }

    private static Assembly Compile(IEnumerable<(string Name, string Code)> sources)
    {
        var compilation = CSharpCompilation.Create(
            "Planekeeper.Generated.Client",
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Code, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), source.Name)),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var problems = result.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Select(diagnostic => diagnostic.ToString());
            throw new Xunit.Sdk.XunitException($"The generated client and the scenario do not compile (the generated code is in {Folder}):\n" + string.Join('\n', problems));
        }

        image.Position = 0;
        return new AssemblyLoadContext("generated client", isCollectible: true).LoadFromStream(image);
    }

    /// <summary>Every assembly this test process runs with: the framework's and the packages' (Newtonsoft.Json, which NSwag brings, among them).</summary>
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path));
}
