namespace Planekeeper.Agent.Scraping;

/// <summary>
/// The private temporary folder of one checkout (mode 0700): the clone (<see cref="Repository"/>), git's home and the
/// credential files. Disposing deletes all of it.
/// </summary>
internal sealed class CheckoutFolder : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private CheckoutFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public string Repository => System.IO.Path.Combine(Path, "repository");

    /// <summary>HOME of the git process: keeps the user's ~/.gitconfig (credential helpers, url rewrites) out of the checkout.</summary>
    public string Home => System.IO.Path.Combine(Path, "home");

    public static CheckoutFolder Create(string temporaryRoot)
    {
        var path = System.IO.Path.Combine(temporaryRoot, $"planekeeper-checkout-{Guid.NewGuid():N}");
        var folder = new CheckoutFolder(path);
        CreateDirectory(path);
        CreateDirectory(folder.Home);
        return folder;
    }

    /// <summary>Writes a file only the agent's user can read (and, with <paramref name="executable"/>, run).</summary>
    public string WritePrivateFile(string name, string content, bool executable = false)
    {
        var file = System.IO.Path.Combine(Path, name);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | (executable ? UnixFileMode.UserExecute : 0);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }
        using var stream = new FileStream(file, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
        return file;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }
    }
}
