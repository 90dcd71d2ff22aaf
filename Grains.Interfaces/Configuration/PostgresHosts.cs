namespace Planekeeper.Configuration;

/// <summary>
/// The servers of a connection: one host, or several for PostgreSQL high availability (docs/deploy.md,
/// "PostgreSQL high availability"), each optionally with its own port (<c>a:5432,b:5433</c>), as Npgsql reads them.
/// </summary>
public static class PostgresHosts
{
    /// <summary>
    /// What a connection to several hosts asks for unless told otherwise: the one that accepts writes. Npgsql's own
    /// default (<c>any</c>) would let a silo settle on a read-only standby and fail every write.
    /// </summary>
    public const string MultiHostDefaultTargetSessionAttributes = "primary";

    /// <summary>The values Npgsql accepts for <c>Target Session Attributes</c> (libpq's names).</summary>
    public static readonly IReadOnlyList<string> TargetSessionAttributes =
        ["any", "primary", "standby", "prefer-primary", "prefer-standby", "read-write", "read-only"];

    public static IReadOnlyList<string> Split(string hosts) =>
        hosts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static bool AreSeveral(string hosts) => Split(hosts).Count > 1;

    /// <summary>Every host with its port (<paramref name="defaultPort"/> where it names none): <c>a:5432,b:5433</c>.</summary>
    public static string Endpoints(string hosts, int defaultPort) =>
        string.Join(',', Split(hosts).Select(host => HasPort(host) ? host : $"{host}:{defaultPort}"));

    /// <summary>Each host is a name or address with an optional <c>:port</c>; an IPv6 address goes in brackets.</summary>
    public static string? Problem(string hosts)
    {
        foreach (var host in Split(hosts))
        {
            var colon = host.LastIndexOf(':');
            if (colon < 0 || host.EndsWith(']'))
            {
                continue;
            }

            if (host.IndexOf(':') != colon && !host.StartsWith('['))
            {
                return $"'{host}' is an IPv6 address without brackets (write [{host}] or [{host}]:5432)";
            }

            if (!int.TryParse(host[(colon + 1)..], out var port) || port is < 1 or > 65535)
            {
                return $"'{host}' does not end in a port number from 1 to 65535";
            }
        }

        return Split(hosts).Count == 0 ? "it names no host" : null;
    }

    private static bool HasPort(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon >= 0 && !host.EndsWith(']') && (host.IndexOf(':') == colon || host.StartsWith('['));
    }
}
