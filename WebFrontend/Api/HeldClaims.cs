using System.Collections.Concurrent;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.WebFrontend.Api;

/// <summary>
/// The long-polls this frontend holds itself (docs/architecture.md, "Long-polls held by the frontend"): each waits here
/// for the task engine's answer through <see cref="Reference"/>, while the engine only lists the wait.
/// </summary>
public sealed partial class HeldClaims(IClusterClient cluster, ILogger<HeldClaims> logger) : IClaimAnswers
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<TaskAssignment?>> _waits = new();
    private long _lastWaitId;
    private IClaimAnswers? _reference;

    /// <summary>What this frontend hands to the engines, for them to answer.</summary>
    public IClaimAnswers Reference => _reference ??= cluster.CreateObjectReference<IClaimAnswers>(this);

    public int Count => _waits.Count;

    /// <summary>A new wait; dispose it once the request is answered.</summary>
    public Wait Open()
    {
        var id = Interlocked.Increment(ref _lastWaitId);
        var answer = new TaskCompletionSource<TaskAssignment?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waits[id] = answer;
        return new Wait(this, id, answer.Task);
    }

    public Task AnswerAsync(long waitId, TaskAssignment? assignment)
    {
        if (_waits.TryRemove(waitId, out var answer))
        {
            answer.TrySetResult(assignment);
        }
        else if (assignment is not null)
        {
            LogLateTask(logger, assignment.TaskId, assignment.OrganizationId);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} of organization {OrganizationId} came after its long-poll ended; it is handed out again when its lease runs out")]
    private static partial void LogLateTask(ILogger logger, long taskId, long organizationId);

    public sealed class Wait(HeldClaims owner, long id, Task<TaskAssignment?> answer) : IDisposable
    {
        public long Id => id;

        /// <summary>The task, or null: nothing came within <paramref name="wait"/>, the engine ended the wait, or the agent left.</summary>
        public async Task<TaskAssignment?> AnswerAsync(TimeSpan wait, CancellationToken abandoned)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abandoned);
            timeout.CancelAfter(wait);
            var ended = Task.Delay(Timeout.Infinite, timeout.Token);
            if (await Task.WhenAny(answer, ended) == answer)
            {
                return await answer;
            }

            // Taken off the list here: no answer can come any more. Already taken off: the answer is being set.
            return owner._waits.TryRemove(id, out _) ? null : await answer;
        }

        public void Dispose() => owner._waits.TryRemove(id, out _);
    }
}
