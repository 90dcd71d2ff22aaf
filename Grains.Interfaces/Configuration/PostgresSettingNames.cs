namespace Planekeeper.Configuration;

/// <summary>The setting names an operator must look at when a part of the connection fails.</summary>
public sealed record PostgresSettingNames(string Address, string Credentials, string Database)
{
    public static readonly PostgresSettingNames ForPgVariables = new("PG_HOST / PG_PORT", "PG_USER / PG_PASSWORD", "PG_DBNAME");

    public static readonly PostgresSettingNames ForConnectionString = new(
        "ConnectionStrings__Planekeeper (Host, Port)",
        "ConnectionStrings__Planekeeper (Username, Password)",
        "ConnectionStrings__Planekeeper (Database)");
}
