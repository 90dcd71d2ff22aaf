using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// One ref of a repository checked out in a temporary folder, and the commit it is at. Disposing deletes the folder.
/// </summary>
public sealed class RepositoryCheckout : IDisposable
{
    /// <summary>Larger target files are refused rather than loaded into memory.</summary>
    public const long MaxTargetFileBytes = 10 * 1024 * 1024;

    private readonly CheckoutFolder folder;
    private readonly string gitRef;

    internal RepositoryCheckout(CheckoutFolder folder, string gitRef, string commitSha)
    {
        this.folder = folder;
        this.gitRef = gitRef;
        CommitSha = commitSha;
    }

    public string CommitSha { get; }

    /// <summary>The text of a file of the checkout (UTF-8, or as its byte order mark says).</summary>
    /// <exception cref="TaskFailedException">Not retryable: the path leaves the repository, goes through a symbolic
    /// link, names no file at this ref, or the file is too large.</exception>
    public string ReadFile(string targetFile)
    {
        var path = PathInside(targetFile);
        RefuseSymbolicLinks(targetFile, path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw Failure(Directory.Exists(path)
                ? $"target_file '{targetFile}' is a directory at ref '{gitRef}' (commit {CommitSha})"
                : $"target_file '{targetFile}' does not exist at ref '{gitRef}' (commit {CommitSha})");
        }
        if (file.Length > MaxTargetFileBytes)
        {
            throw Failure($"target_file '{targetFile}' is {file.Length / (1024 * 1024)} MB; files over {MaxTargetFileBytes / (1024 * 1024)} MB are not read");
        }
        return File.ReadAllText(path);
    }

    public void Dispose() => folder.Dispose();

    private string PathInside(string targetFile)
    {
        var root = Path.GetFullPath(folder.Repository) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, targetFile));
        var gitFolder = Path.Combine(root, ".git") + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(targetFile) || !path.StartsWith(root, StringComparison.Ordinal) || path.StartsWith(gitFolder, StringComparison.Ordinal))
        {
            throw Failure($"target_file '{targetFile}' is not a path inside the repository");
        }
        return path;
    }

    /// <summary>A link in the repository could point anywhere on the agent's disk, so none is followed.</summary>
    private void RefuseSymbolicLinks(string targetFile, string path)
    {
        var root = Path.GetFullPath(folder.Repository);
        for (var current = path; current.Length > root.Length; current = Path.GetDirectoryName(current)!)
        {
            if (new FileInfo(current).LinkTarget is not null)
            {
                throw Failure($"target_file '{targetFile}' is or goes through a symbolic link at ref '{gitRef}'; the agent only reads regular files");
            }
        }
    }

    private static TaskFailedException Failure(string message) => new(message, retryable: false);
}
