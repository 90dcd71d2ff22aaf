using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Planekeeper.Grains.Notifications.Senders;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>A system whose silos encrypt the Data Protection key ring with a certificate (a PKCS#12 file made here).</summary>
public sealed class CertificateKeyRingSystem : NotificationSystem
{
    public const string Password = "key ring certificate password";

    public string CertificatePath { get; } = WriteCertificate();

    protected override IReadOnlyDictionary<string, string> NotificationSettings =>
        base.NotificationSettings
            .Append(new("DATA_PROTECTION_CERTIFICATE_PATH", CertificatePath))
            .Append(new("DATA_PROTECTION_CERTIFICATE_PASSWORD", Password))
            .ToDictionary(pair => pair.Key, pair => pair.Value);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(CertificatePath);
    }

    public static string WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=planekeeper key ring (tests)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"planekeeper-key-ring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}

public class KeyRingCertificateTests(CertificateKeyRingSystem system) : IClassFixture<CertificateKeyRingSystem>
{
    [Fact]
    public async Task The_key_ring_is_stored_encrypted_and_a_restarted_silo_still_signs_with_the_channel_secret()
    {
        var (owner, _) = await system.OrganizationAsync("key-ring");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }, hmacSecret: "kept in the key ring");
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/notification-channels/{channel}/test");

        var keys = await system.ScalarAsync<string>("SELECT string_agg(xml, '') FROM data_protection_keys");
        Assert.Contains("encryptedSecret", keys);
        Assert.DoesNotContain("<masterKey", keys);

        var silo = system.Silos[^1];
        silo.Process.Kill();
        await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await system.StartSiloAsync(samePortsAs: silo);
        // The frontend reconnects to the restarted silo on its own schedule; until then its grain calls fail.
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await system.Frontend.WaitUntilReadyAsync(probe);
        await owner.OkAsync(HttpMethod.Post, $"/api/v1/notification-channels/{channel}/test");

        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, request => Assert.Equal(
            WebhookSignature.Sign("kept in the key ring", long.Parse(request.Headers["X-Planekeeper-Timestamp"]), request.Body),
            request.Headers["X-Planekeeper-Signature"]));
    }

    [Theory]
    [InlineData("/no/such/key-ring.pfx", null, "DATA_PROTECTION_CERTIFICATE_PATH names '/no/such/key-ring.pfx', which does not exist")]
    [InlineData(null, "not the password", "DATA_PROTECTION_CERTIFICATE_PATH '")]
    public async Task A_certificate_that_cannot_be_used_stops_the_silo_with_one_line(string? path, string? password, string expected)
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync("key-ring-refused");
        var environment = new Dictionary<string, string>(database.Environment)
        {
            ["DATA_PROTECTION_CERTIFICATE_PATH"] = path ?? system.CertificatePath,
            ["DATA_PROTECTION_CERTIFICATE_PASSWORD"] = password ?? CertificateKeyRingSystem.Password,
        };

        await using var process = ChildProcess.Start(TestEnvironment.SiloDll, environment);

        Assert.Equal(1, await process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.StartsWith($"planekeeper-silo: {expected}", Assert.Single(process.StandardError));
    }
}
