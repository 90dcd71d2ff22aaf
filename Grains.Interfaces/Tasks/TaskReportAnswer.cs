using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.Tasks;

/// <summary>
/// The answer to an agent's report: what became of each reported task, in the report's order (<c>succeeded</c>,
/// <c>retrying</c> or <c>failed</c>; else why it was refused: not the agent's, lease no longer current, invalid result),
/// and the tasks claimed with the report. Given once the report's write is durable.
/// </summary>
[GenerateSerializer, Immutable, Alias("planekeeper.tasks.report-answer")]
public sealed record TaskReportAnswer([property: Id(0)] IReadOnlyList<CommandResult<string>> Outcomes, [property: Id(1)] IReadOnlyList<TaskAssignment> NextTasks);
