using System.Net;
using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Http;

namespace Planekeeper.Agent.Gathering.Helm;

/// <summary>
/// GET &lt;repository&gt;/index.yaml: conditional on the last fetch's ETag / Last-Modified, with HTTP basic auth from
/// a registry_basic credential when the job names one.
/// </summary>
internal sealed class HelmIndexDownload(HttpClient http)
{
    /// <summary>How long the body may take once the repository answered (the handler's timeout ends at the headers).</summary>
    private static readonly TimeSpan BodyTimeout = TimeSpan.FromMinutes(2);

    public async Task<HelmIndexFile> FetchAsync(Uri repository, AgentCredential? credential, UpstreamValidators? previous, CancellationToken cancellationToken)
    {
        var repositoryText = repository.AbsoluteUri.TrimEnd('/');
        var indexUrl = new Uri($"{repositoryText}/index.yaml");
        var upstream = $"the Helm repository {repositoryText}";
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, indexUrl);
            ConditionalRequest.Apply(request, previous);
            if (credential is not null)
            {
                request.Headers.Authorization = BasicCredential.Header(credential, "a Helm repository");
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var validators = ConditionalRequest.ValidatorsOf(response);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return HelmIndexFile.Unchanged(indexUrl, validators ?? previous);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw UpstreamFailure.FromStatus(response, upstream, $"no Helm repository at {repositoryText} ({indexUrl} answered 404)");
            }

            using var body = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            body.CancelAfter(BodyTimeout);
            return await HelmIndexFile.DownloadAsync(indexUrl, response.Content, validators, body.Token);
        }
        catch (Exception exception) when (UpstreamFailure.FromException(exception, upstream, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }
}
