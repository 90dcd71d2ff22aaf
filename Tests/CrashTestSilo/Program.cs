using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Silo.Hosting;
using Planekeeper.Tests.CrashTestSilo;

// PLANEKEEPER_TEST_CRASH_PATH: the file whose existence kills this silo before an evaluation.
var crashFile = Environment.GetEnvironmentVariable("PLANEKEEPER_TEST_CRASH_PATH")
    ?? throw new InvalidOperationException("PLANEKEEPER_TEST_CRASH_PATH names the crash file of this test silo");
return await SiloProgram.RunAsync(args, services => services.AddSingleton<IAlertEvaluationObserver>(new CrashBeforeEvaluation(crashFile)));
