using System.Diagnostics;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Interfaces.Tasks;

namespace Planekeeper.Tests.CrashTestSilo;

/// <summary>
/// While <paramref name="crashFile"/> exists, kills the silo process the moment a job completion reaches evaluation:
/// after the completion is durable, before any config is evaluated.
/// </summary>
public sealed class CrashBeforeEvaluation(string crashFile) : IAlertEvaluationObserver
{
    public void BeforeEvaluation(long organizationId, IReadOnlyList<JobRef> jobs)
    {
        if (File.Exists(crashFile))
        {
            Process.GetCurrentProcess().Kill();
        }
    }
}
