using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Planekeeper.Agent.Configuration;
using Planekeeper.Agent.Http;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.Oci;

/// <summary>
/// One gather's conversation with a registry. Requests carry the authorization found so far; a 401 is answered
/// from its challenge and the request sent once more: Bearer → a token from the challenge's realm (anonymous, or
/// with the registry_basic credential as basic auth), kept for the rest of the gather; Basic → the credential.
/// </summary>
internal sealed class RegistrySession(HttpClient http, OciImage image, AgentCredential? credential)
{
    private AuthenticationHeaderValue? _authorization;

    public async Task<HttpResponseMessage> GetAsync(Uri url, string accept, CancellationToken cancellationToken)
    {
        var response = await SendAsync(url, accept, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || RegistryChallenge.Of(response) is not { } challenge)
        {
            return response;
        }

        response.Dispose();
        _authorization = await AuthorizeAsync(challenge, cancellationToken);
        return await SendAsync(url, accept, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, string accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.Authorization = _authorization;
        // Buffered: tag lists, manifests and configs are small, and the client's timeout then covers their bodies too.
        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<AuthenticationHeaderValue> AuthorizeAsync(RegistryChallenge challenge, CancellationToken cancellationToken)
    {
        if (challenge.IsBearer)
        {
            return new AuthenticationHeaderValue("Bearer", await FetchTokenAsync(challenge, cancellationToken));
        }

        if (!challenge.IsBasic)
        {
            throw new TaskFailedException($"registry {image.Registry} asks for {challenge.Scheme} authentication, which the agent does not support", retryable: false);
        }

        return credential is not null
            ? BasicCredential.Header(credential, "an OCI registry")
            : throw new TaskFailedException($"registry {image.Registry} requires a login for {image.Artifact}; name a registry_basic credential on the job", retryable: false);
    }

    private async Task<string> FetchTokenAsync(RegistryChallenge challenge, CancellationToken cancellationToken)
    {
        var realm = Realm(challenge);
        using var request = new HttpRequestMessage(HttpMethod.Get, TokenUrl(realm, challenge));
        if (credential is not null)
        {
            request.Headers.Authorization = BasicCredential.Header(credential, "an OCI registry");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var tokenService = $"the token service of {image.Registry} ({realm.Authority})";
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var who = credential is null ? "anonymous access" : $"credential '{credential.Name}'";
            throw new TaskFailedException($"{tokenService} refused {who} to {image.Artifact} ({(int)response.StatusCode})", retryable: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw UpstreamFailure.FromStatus(response, tokenService, $"{tokenService} answered 404");
        }

        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken);
        return answer?.Token ?? answer?.AccessToken ?? throw new TaskFailedException($"{tokenService} answered without a token", retryable: false);
    }

    /// <summary>The realm, over https unless the registry itself is reached over http: the credential goes there.</summary>
    private Uri Realm(RegistryChallenge challenge) =>
        challenge.Parameters.GetValueOrDefault("realm") is { } realm && Uri.TryCreate(realm, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && image.RegistryUrl.Scheme == Uri.UriSchemeHttp))
            ? url
            : throw new TaskFailedException($"registry {image.Registry} asked for a token without a usable https realm", retryable: false);

    private Uri TokenUrl(Uri realm, RegistryChallenge challenge)
    {
        var query = new List<string>();
        if (challenge.Parameters.GetValueOrDefault("service") is { } service)
        {
            query.Add($"service={Uri.EscapeDataString(service)}");
        }

        query.Add($"scope={Uri.EscapeDataString(challenge.Parameters.GetValueOrDefault("scope") ?? image.PullScope)}");
        return new Uri(realm.AbsoluteUri + (realm.Query.Length > 0 ? "&" : "?") + string.Join("&", query));
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("token")] string? Token,
        [property: JsonPropertyName("access_token")] string? AccessToken);
}
