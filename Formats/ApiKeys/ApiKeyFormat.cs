namespace Planekeeper.ApiKeys;

/// <summary>The wire form of an API key: <c>pk_&lt;id&gt;_&lt;secret&gt;</c>.</summary>
public static class ApiKeyFormat
{
    public const int SecretBytes = 32;   // 43 URL-safe characters

    public static string Format(long id, string secret) => $"pk_{id}_{secret}";

    public static bool TryParse(string? value, out long id, out string secret)
    {
        id = 0;
        secret = "";
        if (value is null || !value.StartsWith("pk_", StringComparison.Ordinal))
        {
            return false;
        }

        var separator = value.IndexOf('_', 3);
        if (separator < 0 || !long.TryParse(value.AsSpan(3, separator - 3), System.Globalization.NumberStyles.None, null, out id) || id <= 0)
        {
            return false;
        }

        secret = value[(separator + 1)..];
        return secret.Length >= 32;
    }
}
