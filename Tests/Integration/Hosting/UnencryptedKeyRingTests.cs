using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Hosting;

/// <summary>
/// Outside development a silo without DATA_PROTECTION_CERTIFICATE_PATH refuses to start unless
/// DATA_PROTECTION_ALLOW_UNENCRYPTED=true accepts an unencrypted key ring (docs/security.md, "Secrets").
/// </summary>
public class UnencryptedKeyRingTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task A_production_silo_without_a_certificate_stops_with_one_line()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("key-ring-required");
        await using var silo = PlanekeeperProcesses.StartSilo(database, new Dictionary<string, string> { ["DATA_PROTECTION_ALLOW_UNENCRYPTED"] = "" });

        Assert.Equal(1, await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(
            "planekeeper-silo: DATA_PROTECTION_CERTIFICATE_PATH is not set: the key ring of channel secrets would be stored unencrypted in PostgreSQL (set DATA_PROTECTION_ALLOW_UNENCRYPTED=true to accept that)",
            Assert.Single(silo.Process.StandardError));
    }

    [Fact]
    public async Task The_explicit_flag_lets_a_production_silo_start_without_a_certificate()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("key-ring-allowed");
        await using var silo = PlanekeeperProcesses.StartSilo(database, new Dictionary<string, string> { ["DATA_PROTECTION_ALLOW_UNENCRYPTED"] = "true" });

        await silo.WaitUntilActiveAsync(Http);
    }

    [Fact]
    public async Task A_development_silo_starts_without_a_certificate()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("key-ring-development");
        await using var silo = PlanekeeperProcesses.StartSilo(database, new Dictionary<string, string>
        {
            ["DATA_PROTECTION_ALLOW_UNENCRYPTED"] = "", ["DOTNET_ENVIRONMENT"] = "Development", ["ASPNETCORE_ENVIRONMENT"] = "Development",
        });

        await silo.WaitUntilActiveAsync(Http);
    }
}
