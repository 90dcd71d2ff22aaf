using System.Diagnostics;

namespace Planekeeper.Grains.Alerts;

/// <summary>
/// A test hook (<c>PLANEKEEPER_TEST_CRASH_FILE</c>): while the named file exists, the silo process is killed the moment
/// a job completion reaches evaluation — after the completion is durable, before any config is evaluated — so tests
/// can prove that the reconciliation pass loses nothing. Unset in every real deployment.
/// </summary>
public sealed class EvaluationCrashHook(string? crashFile)
{
    public void BeforeEvaluation()
    {
        if (crashFile is not null && File.Exists(crashFile))
        {
            Process.GetCurrentProcess().Kill();
        }
    }
}
