using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Bench.JobPipeline;

/// <summary>A benchmark stops at the first refused grain command, naming what it tried.</summary>
public static class CommandResults
{
    public static T OrThrow<T>(this CommandResult<T> result, string what) =>
        result.Status == CommandStatus.Ok ? result.Value! : throw new InvalidOperationException($"could not {what}: {result.Status} {result.Detail}");
}
