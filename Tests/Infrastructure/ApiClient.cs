using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// One caller of the REST API: keeps its session cookie, optionally sends an API key or an organization header.
/// Like a browser on the frontend's own pages, it sends <c>Origin</c> with every request that changes something.
/// </summary>
public sealed class ApiClient : IDisposable
{
    /// <summary>Property names are sent exactly as the test writes them (snake_case, or IAM's "Statement").</summary>
    private static readonly JsonSerializerOptions AsWritten = new();

    private readonly HttpClient _http;

    private readonly Uri? _internalAddress;

    /// <param name="from">A loopback address (127.0.0.2, …) to send from, so the frontend sees another client address.</param>
    /// <param name="internalAddress">
    /// The frontend's internal port, where <c>/api/v1/internal/…</c> is sent (the public port answers 404 there). The
    /// session cookie goes to both: cookies do not tell ports apart.
    /// </param>
    public ApiClient(Uri baseAddress, IPAddress? from = null, Uri? internalAddress = null)
    {
        _internalAddress = internalAddress;
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        if (from is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectFromAsync(from, context.DnsEndPoint, cancellationToken);
        }

        _http = new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Origin = baseAddress.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The <c>Origin</c> sent on unsafe methods; null sends none (a non-browser client).</summary>
    public string? Origin { get; set; }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, DnsEndPoint server, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(server, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public long? OrganizationId { get; set; }

    public string? ApiKey { get; set; }

    public static ApiClient WithKey(Uri baseAddress, string key, Uri? internalAddress = null) => new(baseAddress, internalAddress: internalAddress) { ApiKey = key };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        var isInternal = _internalAddress is not null && path.StartsWith("/api/v1/internal/", StringComparison.Ordinal);
        var request = isInternal
            ? new HttpRequestMessage(method, new Uri(_internalAddress!, path.TrimStart('/')))
            : new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: AsWritten);
        }

        if (ApiKey is not null)
        {
            request.Headers.Add("X-API-Key", ApiKey);
        }

        if (Origin is not null && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            request.Headers.Add("Origin", isInternal ? _internalAddress!.GetLeftPart(UriPartial.Authority) : Origin);
        }

        if (OrganizationId is { } organization)
        {
            request.Headers.Add("X-Organization-Id", organization.ToString());
        }

        configure?.Invoke(request);
        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    /// <summary>Sends and asserts the status; returns the JSON body (or default when empty).</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode status, HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {path}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The answer's status and body, whatever the status (for polling until a status comes).</summary>
    public async Task<(HttpStatusCode Status, string Body)> StatusAndBodyAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<JsonElement> OkAsync(HttpMethod method, string path, object? body = null) => ExpectAsync(HttpStatusCode.OK, method, path, body);

    public async Task<long> SignUpAsync(string email, string password = "a long enough password")
    {
        var user = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/auth/signup", new { email, password });
        await SignInAsync(email, password);
        return user.GetProperty("id").GetInt64();
    }

    public Task SignInAsync(string email, string password) => OkAsync(HttpMethod.Post, "/api/v1/auth/login", new { email, password });

    /// <summary>Creates an organization and makes it this client's current one.</summary>
    public async Task<long> CreateOrganizationAsync(string name)
    {
        var organization = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/organizations", new { name });
        OrganizationId = organization.GetProperty("id").GetInt64();
        return OrganizationId.Value;
    }

    public async Task<(long Id, string Key)> CreateApiKeyAsync(string name, params string[] roles)
    {
        var key = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", new { name, roles });
        return (key.GetProperty("id").GetInt64(), key.GetProperty("key").GetString()!);
    }

    /// <summary>Invites the email, and lets that user (a new client) sign up and accept.</summary>
    public async Task<(ApiClient Client, long UserId)> AddMemberAsync(string email, string role)
    {
        var invite = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/invites", new { email, role });
        var member = new ApiClient(_http.BaseAddress!, internalAddress: _internalAddress);
        var userId = await member.SignUpAsync(email);
        await member.OkAsync(HttpMethod.Post, $"/api/v1/invites/{invite.GetProperty("token").GetString()}/accept");
        member.OrganizationId = OrganizationId;
        return (member, userId);
    }

    public void Dispose() => _http.Dispose();
}
