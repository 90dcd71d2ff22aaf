using Npgsql;

namespace Planekeeper.Grains.Storage;

/// <summary>A migration script failed; nothing of that script was kept (one transaction per script).</summary>
public sealed class MigrationFailedException(string scriptName, Exception? error)
    : Exception($"migration {scriptName} failed: {Describe(error)}", error)
{
    public string ScriptName { get; } = scriptName;

    private static string Describe(Exception? error) => error switch
    {
        PostgresException pg => $"{pg.SqlState}: {pg.MessageText}" + (pg.Position > 0 ? $" (at character {pg.Position})" : ""),
        null => "unknown error",
        _ => error.Message.ReplaceLineEndings(" "),
    };
}
