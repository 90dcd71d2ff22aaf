using System.Net;
using System.Net.Http.Json;

namespace Planekeeper.Bench.UiPages;

/// <summary>
/// A client signed in as a browser is: <c>POST /api/v1/auth/login</c> sets the session cookie, which every later request
/// sends. On plain http the cookie has no <c>__Host-</c> prefix nor <c>Secure</c> flag (docs/security.md), so it travels
/// over loopback. With one organization the pages act in it without the organization cookie.
/// </summary>
public static class SignedIn
{
    public static async Task<HttpClient> ClientAsync(Uri baseAddress, string email, string password)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = baseAddress };
        using var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return http;
    }
}
