using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>
/// Sends sweep requests exactly as written (no canonicalization of the path, raw body bytes, optionally chunked) with
/// the credential a route needs, and says what was wrong with the answer, if anything.
/// </summary>
/// <param name="internalAddress">Where the internal routes are sent: the frontend's internal port.</param>
public sealed class SweepClient(Uri baseAddress, Uri internalAddress) : IDisposable
{
    private static readonly UriCreationOptions Raw = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly HttpClient _signedIn = SignedInClient();
    private readonly HttpClient _anonymous = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public async Task<HttpResponseMessage> SendAsync(
        string method, SweepRequest request, bool signedIn, IReadOnlyDictionary<string, string> headers)
    {
        var server = AddressFor(request.Path);
        using var message = new HttpRequestMessage(new HttpMethod(method), new Uri(server + request.Path.TrimStart('/'), in Raw));
        if (signedIn)
        {
            message.Headers.Add("Origin", server.GetLeftPart(UriPartial.Authority));
        }

        if (request.Body is { } body)
        {
            message.Content = request.Chunked ? new ChunkedContent(body) : new ByteArrayContent(body);
            if (request.ContentType is { } type)
            {
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
            }
        }

        foreach (var (name, value) in headers)
        {
            message.Headers.Add(name, value);
        }

        return await (signedIn ? _signedIn : _anonymous).SendAsync(message);
    }

    /// <summary>A JSON call with the session cookie (sign-in keeps it for every signed-in request of the sweep).</summary>
    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object body)
    {
        using var message = new HttpRequestMessage(method, new Uri(baseAddress, path.TrimStart('/'))) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        message.Headers.Add("Origin", baseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await _signedIn.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The internal port for the internal routes, the public one for the rest.</summary>
    public Uri AddressFor(string path) => path.StartsWith("/api/v1/internal/", StringComparison.Ordinal) ? internalAddress : baseAddress;

    /// <summary>Like a browser on the product's own pages: the session cookie (for either port), and the page's Origin on every request.</summary>
    private static HttpClient SignedInClient() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        _signedIn.Dispose();
        _anonymous.Dispose();
    }

    /// <summary>A body without a length, so it is sent chunked and the server learns its size only by reading it.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
