namespace Planekeeper.Tests.Agent.Scraping;

/// <summary>A fresh folder under the system's temporary folder, deleted with everything in it on dispose.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"planekeeper-test-{Guid.NewGuid():N}");

    /// <summary>Files and folders directly in this folder (a checkout leaves one behind until it is deleted).</summary>
    public int EntryCount => Directory.GetFileSystemEntries(Path).Length;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
