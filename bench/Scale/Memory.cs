namespace Planekeeper.Bench.Scale;

/// <summary>This process's resident memory (the silo's, with the bench's small share), and its managed heap after a full collection.</summary>
public static class Memory
{
    public static double RssMiB => Environment.WorkingSet / 1024.0 / 1024.0;

    /// <summary>The managed heap in use after a blocking full collection (the garbage of earlier phases gone).</summary>
    public static long CollectedHeapBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
