using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>
/// Told when job completions reach evaluation: after they are durable, before any config is evaluated. A deployment
/// registers none; the tests' silo host registers one that kills the process there, to prove the reconciliation pass
/// loses nothing (docs/rules-and-alerts.md).
/// </summary>
public interface IAlertEvaluationObserver
{
    void BeforeEvaluation(long organizationId, IReadOnlyList<JobRef> jobs);
}
