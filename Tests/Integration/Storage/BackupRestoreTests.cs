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
/// serves everything again to a new silo and frontend given the same key ring certificate.
/// </summary>
public partial class BackupRestoreTests(CertificateKeyRingSystem system, ITestOutputHelper output) : IClassFixture<CertificateKeyRingSystem>
{
    private const string Secret = "signing secret that must survive the restore";
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(10) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

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
        var migrations = await system.ScalarAsync<long>("SELECT count(*) FROM schema_migrations");

        var server = await PostgresServer.Shared;
        var dump = Path.Combine(Path.GetTempPath(), $"planekeeper-backup-{Guid.NewGuid():N}.dump");
        try
        {
            await PostgresTools.RunAsync(server, "pg_dump", "-Fc", "-f", dump, "-d", system.Database.Name);
            await LoseTheOriginalAsync();
            var restored = await server.CreateDatabaseAsync("restored");
            await PostgresTools.RunAsync(server, "pg_restore", "--exit-on-error", "--no-owner", "-d", restored.Name, dump);
            // The lost cluster's silos, still listed as active: a new silo would wait for them to be voted dead.
            await ExecuteAsync(restored, "DELETE FROM orleansmembershiptable");

            var startedAt = System.Diagnostics.Stopwatch.StartNew();
            await using var silo = PlanekeeperProcesses.StartSilo(restored, new Dictionary<string, string>
            {
                ["DATA_PROTECTION_CERTIFICATE_PATH"] = system.CertificatePath,
                ["DATA_PROTECTION_CERTIFICATE_PASSWORD"] = CertificateKeyRingSystem.Password,
                ["NOTIFICATION_ALLOW_PRIVATE_URLS"] = "true",
            });
            await silo.WaitUntilActiveAsync(Probe);
            await using var frontend = PlanekeeperProcesses.StartFrontend(restored, new Dictionary<string, string> { ["AUTO_APPROVE_USERS"] = "true" });
            await frontend.WaitUntilReadyAsync(Probe);
            output.WriteLine($"silo and frontend on the restored database ready after {startedAt.Elapsed.TotalSeconds:F1} s");

            Assert.Equal(migrations, await ScalarAsync<long>(restored, "SELECT count(*) FROM schema_migrations"));
            using var restoredOwner = new ApiClient(frontend.BaseAddress) { OrganizationId = owner.OrganizationId };
            await restoredOwner.SignInAsync("backup-owner@example.com", "a long enough password");
            Assert.Equal(jobsBefore, await JobNamesAsync(restoredOwner));
            Assert.Equal(alert.Text("id"), (await restoredOwner.SingleAlertAsync(a => a.Text("status") == "active", "the restored alert")).Text("id"));
            Assert.Contains(memberId, (await restoredOwner.OkAsync(HttpMethod.Get, "/api/v1/members")).GetProperty("items").EnumerateArray()
                .Select(member => member.GetProperty("user_id").GetInt64()));

            await restoredOwner.OkAsync(HttpMethod.Post, $"/api/v1/notification-channels/{channel}/test");
            var delivered = Assert.Single(receiver.Requests);
            Assert.Equal(WebhookSignature.Sign(Secret, long.Parse(delivered.Headers["X-Planekeeper-Timestamp"]), delivered.Body), delivered.Headers["X-Planekeeper-Signature"]);

            using var agent = await TestAgent.StartAsync(frontend.BaseAddress, agentKey, "agent-after-restore");
            Assert.True(agent.Id > 0);

            using var admin = new ApiClient(frontend.BaseAddress, internalAddress: frontend.InternalBaseAddress);
            await admin.SignInAsync(RunningSystem.AdminEmail, RunningSystem.AdminPassword);
            var waitlist = await admin.OkAsync(HttpMethod.Get, "/api/v1/internal/early-access?limit=100");
            Assert.Contains("backup-waitlist@example.com", waitlist.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("email").GetString()));
        }
        finally
        {
            File.Delete(dump);
        }
    }

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
        return (T)(await command.ExecuteScalarAsync() ?? default(T))!;
    }
}
