using Planekeeper.Configuration;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>One database of a <see cref="PostgresServer"/>, made for one test class.</summary>
public sealed record TestDatabase(PostgresServer Server, string Name)
{
    public string ConnectionString => Server.ConnectionString(Name);

    public PostgresSettings Settings => Server.Settings(Name);

    /// <summary>The <c>PG_*</c> variables a Planekeeper process needs to use this database.</summary>
    public Dictionary<string, string> Environment => Server.EnvironmentFor(Name);
}
