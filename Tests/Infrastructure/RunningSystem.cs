using Npgsql;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>
/// The real programs on one fresh database: silo processes and frontend processes, started once per test
/// class. Users sign up with auto-approval unless <see cref="FrontendSettings"/> says otherwise; the first global
/// admin is <see cref="AdminEmail"/>.
/// </summary>
public class RunningSystem : IAsyncLifetime
{
    public const string AdminEmail = "root@example.com";
    public const string AdminPassword = "root password for tests";

    private readonly List<PlanekeeperProcesses.SiloProcess> _silos = [];
    private readonly List<PlanekeeperProcesses.FrontendProcess> _frontends = [];
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Dictionary<string, string> _siloSettings = [];

    /// <summary>Everything a silo of this system is started with: the defaults and <see cref="SiloSettings"/>.</summary>
    protected IReadOnlyDictionary<string, string> SiloEnvironment => _siloSettings;

    protected virtual int SiloCount => 1;

    /// <summary>The silo program this system runs.</summary>
    protected virtual string SiloProgram => TestEnvironment.SiloDll;

    /// <summary>Settings a test class needs on its silos beyond the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>();

    /// <summary>Settings a test class needs on its first frontend beyond the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> FrontendSettings => new Dictionary<string, string>();

    public TestDatabase Database { get; private set; } = null!;

    public PlanekeeperProcesses.FrontendProcess Frontend => _frontends[0];

    public IReadOnlyList<PlanekeeperProcesses.SiloProcess> Silos => _silos;

    public IReadOnlyList<PlanekeeperProcesses.FrontendProcess> Frontends => _frontends;

    /// <summary>Everything the processes printed, to check that no secret was ever logged.</summary>
    public string AllOutput => string.Join('\n', _silos.Select(s => s.Process.Output).Concat(_frontends.Select(f => f.Process.Output)));

    public virtual async Task InitializeAsync()
    {
        Database = await (await PostgresServer.Shared).CreateDatabaseAsync(GetType().Name);
        var siloSettings = new Dictionary<string, string>
        {
            ["PLANEKEEPER_ADMIN_EMAIL"] = AdminEmail,
            ["PLANEKEEPER_ADMIN_PASSWORD"] = AdminPassword,
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (key, value) in SiloSettings)
        {
            siloSettings[key] = value;
        }

        _siloSettings = siloSettings;
        await StartSilosAsync();
        var frontendSettings = new Dictionary<string, string>(FrontendSettings);
        frontendSettings.TryAdd("AUTO_APPROVE_USERS", "true");
        await StartFrontendAsync(frontendSettings);
    }

    /// <summary>The silos the frontend connects to: <see cref="SiloCount"/> silo processes.</summary>
    protected virtual async Task StartSilosAsync()
    {
        for (var i = 0; i < SiloCount; i++)
        {
            await StartSiloAsync();
        }
    }

    /// <summary>Another silo of the same cluster, with the class's settings and <paramref name="overrides"/>.</summary>
    /// <param name="samePortsAs">A silo that died, whose address the new one takes (as a restarted server would).</param>
    public async Task<PlanekeeperProcesses.SiloProcess> StartSiloAsync(
        IReadOnlyDictionary<string, string>? overrides = null, PlanekeeperProcesses.SiloProcess? samePortsAs = null)
    {
        var settings = new Dictionary<string, string>(_siloSettings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var silo = PlanekeeperProcesses.StartSilo(Database, settings, samePortsAs, SiloProgram);
        _silos.Add(silo);
        await silo.WaitUntilActiveAsync(_probe);
        return silo;
    }

    /// <summary>Another frontend of the same cluster, with its own settings.</summary>
    public async Task<PlanekeeperProcesses.FrontendProcess> StartFrontendAsync(Dictionary<string, string> settings)
    {
        settings.TryAdd("Logging__LogLevel__Default", "Information");
        var frontend = PlanekeeperProcesses.StartFrontend(Database, settings);
        _frontends.Add(frontend);
        await frontend.WaitUntilReadyAsync(_probe);
        return frontend;
    }

    /// <param name="from">A loopback address to send from (see <see cref="ApiClient(Uri, System.Net.IPAddress?)"/>).</param>
    public ApiClient Client(PlanekeeperProcesses.FrontendProcess? frontend = null, System.Net.IPAddress? from = null) =>
        new((frontend ?? Frontend).BaseAddress, from, (frontend ?? Frontend).InternalBaseAddress);

    public async Task<ApiClient> AdminAsync()
    {
        var admin = Client();
        await admin.SignInAsync(AdminEmail, AdminPassword);
        return admin;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var frontend in _frontends)
        {
            await frontend.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        _probe.Dispose();
    }
}

/// <summary>The same system with two silos.</summary>
public sealed class TwoSiloSystem : RunningSystem
{
    protected override int SiloCount => 2;
}
