using System.Net;
using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Integration.Access;

/// <summary>
/// A clocked silo and three frontend processes: two with small request limits and sign-in throttles (windows of an
/// hour, so no window ends during a test) and one without, for the lockout tests. Each test sends from its own
/// loopback address, so the per-address budgets of tests never mix.
/// </summary>
public sealed class FloodDefenceSystem : ClockedSystem
{
    public const int RequestLimit = 30;
    public const int SignInsPerAddress = 6;
    public const int SignInsPerAccount = 4;

    private static int _lastAddress = 1;

    private static readonly IReadOnlyDictionary<string, string> Limits = new Dictionary<string, string>
    {
        ["RATE_LIMIT_MAX_REQUESTS"] = RequestLimit.ToString(),
        ["RATE_LIMIT_WINDOW_SECONDS"] = "3600",
        ["SIGN_IN_MAX_ATTEMPTS_PER_IP"] = SignInsPerAddress.ToString(),
        ["SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT"] = SignInsPerAccount.ToString(),
        ["SIGN_IN_WINDOW_SECONDS"] = "3600",
    };

    protected override IReadOnlyDictionary<string, string> FrontendSettings => Limits;

    public PlanekeeperProcesses.FrontendProcess Second => Frontends[1];

    /// <summary>A frontend with the test hosts' lifted limits.</summary>
    public PlanekeeperProcesses.FrontendProcess Unthrottled => Frontends[2];

    /// <summary>A client address no other test of the process uses (127.0.0.2 onwards).</summary>
    public static IPAddress NewAddress() => IPAddress.Parse($"127.0.0.{Interlocked.Increment(ref _lastAddress)}");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartFrontendAsync(new Dictionary<string, string>(Limits) { ["AUTO_APPROVE_USERS"] = "true" });
        await StartFrontendAsync(new Dictionary<string, string> { ["AUTO_APPROVE_USERS"] = "true" });
    }

    public Task<long> FailedSignInsAsync(string email) =>
        ScalarAsync<long>($"SELECT failed_sign_ins::bigint FROM users WHERE email = '{email}'");
}
