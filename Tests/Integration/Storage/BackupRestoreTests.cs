using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using Planekeeper.Grains.Notifications.Senders;
using Planekeeper.Tests.Infrastructure;
using Planekeeper.Tests.Integration.Alerts;
using Planekeeper.Tests.Integration.Notifications;
using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;
using Xunit.Abstractions;

namespace Planekeeper.Tests.Integration.Storage;

/// <summary>
/// docs/deploy.md, "Backups and restore": a live <c>pg_dump -Fc</c> of a populated database, restored into a new one,
/// serves everything again to a new silo and frontend given the same key ring certificate; with another certificate
/// only the channel secrets are lost, and re-entering them repairs the channel.
/// </summary>
public partial class BackupRestoreTests(CertificateKeyRingSystem system, ITestOutputHelper output) : IClassFixture<CertificateKeyRingSystem>
{
    private const string Secret = "signing secret that must survive the restore";
    private const string OwnerEmail = "backup-owner@example.com";
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(10) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record Restored(PlanekeeperProcesses.SiloProcess Silo, PlanekeeperProcesses.FrontendProcess Frontend, TestDatabase Database) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Frontend.DisposeAsync();
            await Silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_restored_dump_serves_every_job_alert_channel_key_member_and_early_access_request()
    {
        var (owner, agentKey) = await system.OrganizationAsync("backup-owner");
        var (_, memberId) = await owner.AddMemberAsync("backup-member@example.com", "member");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = receiver.Url.ToString() }, hmacSecret: Secret);
        var raise = await system.AlertByHandAsync(owner, agentKey, "backup");
        await raise("1.0.0");
        var alert = await owner.SingleAlertAsync(a => a.Text("status") == "active", "the alert raised before the backup");
        await RequestEarlyAccessAsync(system.Client(), "backup-waitlist@example.com");
        var jobsBefore = await JobNamesAsync(owner);
        var journals = await JournalsAsync(system.Database);

        var server = await PostgresServer.Shared;
        var dump = Path.Combine(Path.GetTempPath(), $"planekeeper-backup-{Guid.NewGuid():N}.dump");
        var otherCertificate = CertificateKeyRingSystem.WriteCertificate();
        try
        {
            await PostgresTools.RunAsync(server, "pg_dump", "-Fc", "-f", dump, "-d", system.Database.Name);
            await LoseTheOriginalAsync();

            await using (var restored = await RestoreAsync(server, dump, system.CertificatePath))
            {
                Assert.Equal(journals, await JournalsAsync(restored.Database));
                using var restoredOwner = await SignInAsync(restored, owner.OrganizationId);
                Assert.Equal(jobsBefore, await JobNamesAsync(restoredOwner));
                Assert.Equal(alert.Text("id"), (await restoredOwner.SingleAlertAsync(a => a.Text("status") == "active", "the restored alert")).Text("id"));
                Assert.Contains(memberId, (await restoredOwner.OkAsync(HttpMethod.Get, "/api/v1/members")).GetProperty("items").EnumerateArray()
                    .Select(member => member.GetProperty("user_id").GetInt64()));

                await restoredOwner.OkAsync(HttpMethod.Post, $"/api/v1/notification-channels/{channel}/test");
                AssertSignedWith(Secret, Assert.Single(receiver.Requests));

                using var agent = await TestAgent.StartAsync(restored.Frontend.BaseAddress, agentKey, "agent-after-restore");
                Assert.True(agent.Id > 0);

                using var admin = new ApiClient(restored.Frontend.BaseAddress, internalAddress: restored.Frontend.InternalBaseAddress);
                await admin.SignInAsync(RunningSystem.AdminEmail, RunningSystem.AdminPassword);
                var waitlist = await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/early-access?limit=100");
                Assert.Contains("backup-waitlist@example.com", waitlist.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("email").GetString()));
            }

            await using (var withoutTheCertificate = await RestoreAsync(server, dump, otherCertificate))
            {
                using var restoredOwner = await SignInAsync(withoutTheCertificate, owner.OrganizationId);
                Assert.Equal(jobsBefore, await JobNamesAsync(restoredOwner));
                using var lost = await restoredOwner.SendAsync(HttpMethod.Post, $"/api/v1/notification-channels/{channel}/test");
                Assert.False(lost.IsSuccessStatusCode, "the channel secret decrypted without its certificate");
                await restoredOwner.OkAsync(HttpMethod.Put, $"/api/v1/notification-channels/{channel}", new
                {
                    name = "webhook channel", type = "webhook", config = new { url = receiver.Url.ToString() }, hmac_secret = "re-entered secret",
                });
                await restoredOwner.OkAsync(HttpMethod.Post, $"/api/v1/notification-channels/{channel}/test");
                AssertSignedWith("re-entered secret", receiver.Requests[^1]);
            }
        }
        finally
        {
            File.Delete(dump);
            File.Delete(otherCertificate);
        }
    }

    /// <summary>
    /// The documented restore: <c>pg_restore</c> into a new, empty database, the lost cluster's membership rows
    /// deleted (a new silo would otherwise wait for them to be voted dead), then a silo and a frontend on it.
    /// </summary>
    private async Task<Restored> RestoreAsync(PostgresServer server, string dump, string certificatePath)
    {
        var database = await server.CreateDatabaseAsync("restored");
        await PostgresTools.RunAsync(server, "pg_restore", "--exit-on-error", "--no-owner", "-d", database.Name, dump);
        await ExecuteAsync(database, "DELETE FROM orleansmembershiptable");

        var clock = Stopwatch.StartNew();
        var silo = PlanekeeperProcesses.StartSilo(database, new Dictionary<string, string>
        {
            ["DATA_PROTECTION_CERTIFICATE_PATH"] = certificatePath,
            ["DATA_PROTECTION_CERTIFICATE_PASSWORD"] = CertificateKeyRingSystem.Password,
            ["NOTIFICATION_ALLOW_PRIVATE_URLS"] = "true",
        });
        var frontend = PlanekeeperProcesses.StartFrontend(database, new Dictionary<string, string> { ["AUTO_APPROVE_USERS"] = "true" });
        var restored = new Restored(silo, frontend, database);
        await silo.WaitUntilActiveAsync(Probe);
        await frontend.WaitUntilReadyAsync(Probe);
        output.WriteLine($"silo and frontend on the restored database ready after {clock.Elapsed.TotalSeconds:F1} s");
        return restored;
    }

    private static async Task<ApiClient> SignInAsync(Restored restored, long? organization)
    {
        var client = new ApiClient(restored.Frontend.BaseAddress) { OrganizationId = organization };
        await client.SignInAsync(OwnerEmail, "a long enough password");
        return client;
    }

    private static void AssertSignedWith(string secret, ReceivedRequest request) =>
        Assert.Equal(WebhookSignature.Sign(secret, long.Parse(request.Headers["X-Planekeeper-Timestamp"]), request.Body), request.Headers["X-Planekeeper-Signature"]);

    /// <summary>The disaster the backup is for: every process of the original cluster gone without a goodbye.</summary>
    private async Task LoseTheOriginalAsync()
    {
        foreach (var process in system.Frontends.Select(f => f.Process).Concat(system.Silos.Select(s => s.Process)))
        {
            process.Kill();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static async Task<List<string>> JobNamesAsync(ApiClient owner)
    {
        var names = new List<string>();
        foreach (var resource in new[] { "gather-jobs", "scrape-jobs" })
        {
            names.AddRange((await owner.OkAsync(HttpMethod.Get, $"/api/v1/{resource}")).GetProperty("items").EnumerateArray()
                .Select(job => $"{resource}/{job.GetProperty("id")}/{job.GetProperty("name")}"));
        }

        return names.Order().ToList();
    }

    /// <summary>Both migration journals, as the first start on the restored database must leave them: nothing re-applied.</summary>
    private static async Task<string> JournalsAsync(TestDatabase database) =>
        await ScalarAsync<string>(database, """
            SELECT (SELECT string_agg(scriptname || '@' || applied, ',' ORDER BY scriptname) FROM public.schema_migrations)
                || ' | ' || (SELECT string_agg(scriptname || '@' || applied, ',' ORDER BY scriptname) FROM earlyaccess.schema_migrations)
            """);

    private static async Task RequestEarlyAccessAsync(ApiClient client, string email)
    {
        var page = await (await client.GetAsync("/earlyaccess")).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["email"] = email, ["name"] = "Ada", ["company"] = "Acme", ["use_case"] = "restore drills", ["website"] = "", ["__RequestVerificationToken"] = token,
        };
        using var response = await client.SendAsync(HttpMethod.Post, "/earlyaccess", configure: request => request.Content = new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task ExecuteAsync(TestDatabase database, string sql) => ScalarAsync<object?>(database, sql);

    private static async Task<T> ScalarAsync<T>(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
