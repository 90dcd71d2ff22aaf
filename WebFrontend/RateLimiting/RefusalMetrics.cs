using System.Diagnostics.Metrics;

namespace Planekeeper.WebFrontend.RateLimiting;

/// <summary>
/// Counters of the <c>Planekeeper</c> meter (the silo's meter name) for what the flood defences turned away:
/// <c>planekeeper.requests.refused</c> by <c>limit</c> (<c>requests</c>, <c>sign_in_address</c>,
/// <c>sign_in_account</c>) and <c>planekeeper.credentials.lookups_avoided</c> by <c>reason</c>.
/// </summary>
public sealed class RefusalMetrics
{
    public const string MeterName = "Planekeeper";

    private readonly Counter<long> _refused;
    private readonly Counter<long> _lookupsAvoided;

    public RefusalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _refused = meter.CreateCounter<long>("planekeeper.requests.refused", unit: "{request}", description: "Requests answered 429 by a rate limit or sign-in throttle");
        _lookupsAvoided = meter.CreateCounter<long>(
            "planekeeper.credentials.lookups_avoided", unit: "{request}", description: "Credentials refused without asking the cluster (malformed, known unknown, flooding address)");
    }

    public void Refused(string limit) => _refused.Add(1, new KeyValuePair<string, object?>("limit", limit));

    public void LookupAvoided(string reason) => _lookupsAvoided.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
