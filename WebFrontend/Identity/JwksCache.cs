using Microsoft.IdentityModel.Tokens;

namespace Planekeeper.WebFrontend.Identity;

/// <summary>The identity provider's signing keys, fetched from its JWKS URL and kept for ten minutes.</summary>
public sealed class JwksCache(IHttpClientFactory httpClients)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (IList<SecurityKey> Keys, DateTime FetchedAt)? _cached;

    public async Task<IList<SecurityKey>> GetKeysAsync(Uri url)
    {
        if (_cached is { } cached && DateTime.UtcNow - cached.FetchedAt < Lifetime)
        {
            return cached.Keys;
        }

        await _refresh.WaitAsync();
        try
        {
            if (_cached is not { } current || DateTime.UtcNow - current.FetchedAt >= Lifetime)
            {
                var json = await httpClients.CreateClient(nameof(JwksCache)).GetStringAsync(url);
                _cached = (new JsonWebKeySet(json).GetSigningKeys(), DateTime.UtcNow);
            }

            return _cached.Value.Keys;
        }
        catch (HttpRequestException)
        {
            return _cached?.Keys ?? [];
        }
        finally
        {
            _refresh.Release();
        }
    }
}
