using Polly;

namespace Planekeeper.Agent.Http;

/// <summary>Sends every request of a source's HttpClient through the retry pipeline (<see cref="HttpRetryPipeline"/>).</summary>
public sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, HttpMessageHandler innerHandler) : DelegatingHandler(innerHandler)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
}
