using Planekeeper.Agent.Server;

namespace Planekeeper.Agent.Work;

/// <summary>
/// Sends the slots' finished tasks to the server (docs/agent.md, "Running several tasks at once"): one report request
/// at a time; the tasks that finish while one is in flight go together in the next, each asking for its slot's next
/// task (<c>claim_next</c>), so the agent makes one request for all of them instead of one each.
/// </summary>
public sealed class TaskReports(AgentApiClient server)
{
    /// <summary>The most tasks one report carries (the server's bound).</summary>
    public const int MaxReported = 50;

    private readonly object _gate = new();
    private readonly List<Waiting> _waiting = [];
    private bool _sending;

    /// <param name="wantsNext">Whether the slot runs a next task (false while the agent stops).</param>
    /// <returns>Whether the server took the task, and the slot's next task when one was due.</returns>
    /// <exception cref="HttpRequestException">The report did not reach the server (it takes the task back when the lease runs out).</exception>
    public Task<(bool Accepted, ClaimedTask? Next)> ReportAsync(FinishedReport finished, bool wantsNext)
    {
        var waiting = new Waiting(finished, wantsNext);
        bool send;
        lock (_gate)
        {
            _waiting.Add(waiting);
            send = !_sending;
            _sending = true;
        }

        if (send)
        {
            _ = SendWhileWaitingAsync();
        }

        return waiting.Answer.Task;
    }

    private async Task SendWhileWaitingAsync()
    {
        while (Next() is { } batch)
        {
            try
            {
                var (accepted, next) = await server.ReportAsync(batch.Select(waiting => waiting.Finished).ToList(), batch.Count(waiting => waiting.WantsNext), CancellationToken.None);
                var handedOut = new Queue<ClaimedTask>(next);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Answer.TrySetResult((accepted[i], batch[i].WantsNext && handedOut.TryDequeue(out var task) ? task : null));
                }
            }
            catch (Exception exception)
            {
                batch.ForEach(waiting => waiting.Answer.TrySetException(exception));
            }
        }
    }

    /// <returns>The reports waiting now (at most <see cref="MaxReported"/>), or null when none is: sending stops.</returns>
    private List<Waiting>? Next()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _sending = false;
                return null;
            }

            var batch = _waiting.Take(MaxReported).ToList();
            _waiting.RemoveRange(0, batch.Count);
            return batch;
        }
    }

    private sealed record Waiting(FinishedReport Finished, bool WantsNext)
    {
        public TaskCompletionSource<(bool Accepted, ClaimedTask? Next)> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
