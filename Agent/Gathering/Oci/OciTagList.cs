using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Planekeeper.Agent.Http;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering.Oci;

/// <summary>An image's tags, <c>GET /v2/&lt;name&gt;/tags/list?n=1000</c>, following Link rel="next" up to 50 pages.</summary>
internal static class OciTagList
{
    public const int PageSize = 1000;
    public const int MaxPages = 50;

    public static async Task<List<string>> ReadAsync(RegistrySession session, OciImage image, CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        Uri? page = image.TagsUrl(PageSize);
        for (var read = 0; page is not null && read < MaxPages; read++)
        {
            using var response = await session.GetAsync(page, "application/json", cancellationToken);
            EnsureSuccess(response, image);
            tags.AddRange(await TagsOf(response, image, cancellationToken));
            page = LinkHeader.Next(response, page);
        }

        return tags;
    }

    private static void EnsureSuccess(HttpResponseMessage response, OciImage image)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // Registries such as Docker Hub answer 401 for images that do not exist, too.
            throw new TaskFailedException(
                $"registry {image.Registry} refused access to {image.Artifact} ({(int)response.StatusCode}); the image may not exist, or it needs a registry_basic credential",
                retryable: false);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw UpstreamFailure.FromStatus(response, $"the registry {image.Registry}", $"image {image.Artifact} not found (its tag list answered 404)");
        }
    }

    private static async Task<IReadOnlyList<string>> TagsOf(HttpResponseMessage response, OciImage image, CancellationToken cancellationToken)
    {
        try
        {
            var page = await response.Content.ReadFromJsonAsync<TagsPage>(cancellationToken);
            return page?.Tags ?? [];
        }
        catch (JsonException exception)
        {
            throw new TaskFailedException($"registry {image.Registry} answered a tag list for {image.Artifact} that is not valid JSON: {exception.Message}", retryable: false);
        }
    }

    private sealed record TagsPage([property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags);
}
