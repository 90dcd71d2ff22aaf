namespace Planekeeper.WebFrontend.Metrics;

/// <summary>Counts every grain call the frontend makes that throws, by grain interface and exception type.</summary>
public sealed class GrainCallFailureCounter(FrontendMetrics metrics) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e)
        {
            metrics.GrainCallFailed(context.InterfaceName, e.GetType().Name);
            throw;
        }
    }
}
