using System.Diagnostics.Metrics;

namespace Planekeeper.WebFrontend.Metrics;

/// <summary>The frontend's own instruments, on the <c>Planekeeper.Frontend</c> meter (docs/operations.md, "Metrics").</summary>
public sealed class FrontendMetrics
{
    public const string MeterName = "Planekeeper.Frontend";

    private readonly Counter<long> _grainCallFailures;

    public FrontendMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _grainCallFailures = meter.CreateCounter<long>(
            "planekeeper.frontend.grain_call_failures", unit: "{call}", description: "Grain calls from the frontend that ended in an exception, by grain interface");
    }

    public void GrainCallFailed(string grainInterface, string exception) =>
        _grainCallFailures.Add(1, new KeyValuePair<string, object?>("grain", grainInterface), new KeyValuePair<string, object?>("exception", exception));
}
