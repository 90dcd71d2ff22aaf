using System.Net.Sockets;
using Npgsql;

namespace Planekeeper.Configuration;

/// <summary>
/// Opens one connection at start so a wrong setting stops the process with a line that names it,
/// instead of surfacing later as a stack trace from deep inside a provider.
/// </summary>
public static class PostgresStartupCheck
{
    public static async Task VerifyAsync(PostgresSettings settings, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StartupConfigurationException(Describe(settings, e), e);
        }
    }

    public static string Describe(PostgresSettings settings, Exception error)
    {
        var names = settings.Names;
        return error switch
        {
            PostgresException { SqlState: "28P01" or "28000" } pg =>
                $"PostgreSQL at {settings.Endpoint} refused user '{settings.User}' ({names.Credentials}): {pg.MessageText}",
            PostgresException { SqlState: "3D000" } =>
                $"PostgreSQL at {settings.Endpoint} has no database '{settings.Database}' ({names.Database})",
            PostgresException pg =>
                $"PostgreSQL at {settings.Endpoint} refused the connection ({pg.SqlState}): {pg.MessageText}",
            _ => $"cannot reach PostgreSQL at {settings.Endpoint} ({names.Address}): {InnermostMessage(error)}",
        };
    }

    private static string InnermostMessage(Exception error)
    {
        while (error.InnerException is not null)
        {
            error = error.InnerException;
        }

        return error.Message.ReplaceLineEndings(" ");
    }
}
