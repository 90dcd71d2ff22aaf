using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Silo.Hosting;
using Planekeeper.Tests.CrashTestSilo;

// PLANEKEEPER_TEST_CRASH_FILE: the file whose existence kills this silo before an evaluation.
var crashFile = Environment.GetEnvironmentVariable("PLANEKEEPER_TEST_CRASH_FILE")
    ?? throw new InvalidOperationException("PLANEKEEPER_TEST_CRASH_FILE names the crash file of this test silo");
return await SiloProgram.RunAsync(args, services => services.AddSingleton<IAlertEvaluationObserver>(new CrashBeforeEvaluation(crashFile)));
