using Planekeeper.Agent.Work;
using YamlDotNet.Core;

namespace Planekeeper.Agent.Gathering.Helm;

/// <summary>
/// A fetched index.yaml, held in a temporary file deleted on dispose (an index can be tens of MB: reading it from
/// disk keeps memory flat and the parse independent of the network's pace), or the upstream's word that it is
/// unchanged since the last fetch.
/// </summary>
internal sealed class HelmIndexFile : IDisposable
{
    private readonly FileStream? _content;

    private HelmIndexFile(Uri indexUrl, FileStream? content, UpstreamValidators? validators)
    {
        IndexUrl = indexUrl;
        _content = content;
        Validators = validators;
    }

    public Uri IndexUrl { get; }

    public UpstreamValidators? Validators { get; }

    public bool IsUnchanged => _content is null;

    public static HelmIndexFile Unchanged(Uri indexUrl, UpstreamValidators? validators) => new(indexUrl, null, validators);

    public static async Task<HelmIndexFile> DownloadAsync(Uri indexUrl, HttpContent content, UpstreamValidators? validators, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"planekeeper-helm-index-{Guid.NewGuid():N}.yaml");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, FileOptions.DeleteOnClose);
        try
        {
            await content.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            return new HelmIndexFile(indexUrl, file, validators);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Streams the wanted charts into <paramref name="consume"/> (which may stop early).</summary>
    /// <exception cref="TaskFailedException">The file is not a Helm index (not retryable).</exception>
    public T ReadCharts<T>(Func<string, bool> wantChart, Func<IEnumerable<HelmIndexChart>, T> consume, CancellationToken cancellationToken)
    {
        var content = _content ?? throw new InvalidOperationException("An unchanged index has no content.");
        try
        {
            using var text = new StreamReader(content, leaveOpen: true);
            return consume(HelmIndexReader.ReadCharts(text, wantChart, cancellationToken));
        }
        catch (YamlException exception)
        {
            throw new TaskFailedException($"{IndexUrl} is not a valid Helm index: {exception.Message}", retryable: false);
        }
    }

    public void Dispose() => _content?.Dispose();
}
