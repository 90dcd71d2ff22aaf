using Planekeeper.Agent.Work;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// Refuses YAML nested deeper than <see cref="MaxDepth"/> mappings and lists before it is loaded: the loader builds
/// its tree recursively, and a file in a scraped repository must never exhaust the agent's stack (docs/agent.md,
/// "Limits"). The check reads the event stream, which the parser produces without recursion.
/// </summary>
internal static class YamlDepthCheck
{
    public const int MaxDepth = 64;

    /// <exception cref="TaskFailedException">Not retryable: the file is nested too deeply (or is not YAML).</exception>
    public static void Check(string text, string targetFile)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                depth += parser.Current switch
                {
                    MappingStart or SequenceStart => 1,
                    MappingEnd or SequenceEnd => -1,
                    _ => 0,
                };
                if (depth > MaxDepth)
                {
                    var line = parser.Current!.Start.Line;
                    throw new TaskFailedException($"{targetFile} is nested more than {MaxDepth} levels deep (line {line}); such files are not read", retryable: false);
                }
            }
        }
        catch (YamlException exception)
        {
            throw new TaskFailedException($"{targetFile} is not valid YAML: {exception.Message}", retryable: false, inner: exception);
        }
    }
}
