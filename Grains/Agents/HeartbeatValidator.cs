using System.Text.RegularExpressions;
using Planekeeper.Grains.Interfaces.Agents;
using Planekeeper.Grains.Jobs;

namespace Planekeeper.Grains.Agents;

/// <summary>A heartbeat made valid: name and version trimmed, capabilities defaulted to all, credentials checked.</summary>
public sealed record ValidHeartbeat(
    string Name, string Version, IReadOnlyList<string> Capabilities, IReadOnlyList<AgentCredential> Credentials, IReadOnlyDictionary<string, UpstreamRateLimit> RateLimits);

public static partial class HeartbeatValidator
{
    public static readonly IReadOnlyList<string> AllCapabilities = JobKind.All.Select(kind => kind.Capability).ToList();
    public static readonly IReadOnlyList<string> CredentialTypes = Interfaces.Agents.CredentialTypes.All;
    public const int MaxRateLimits = 20;

    public static Validated<ValidHeartbeat> Validate(AgentHeartbeat heartbeat)
    {
        var errors = new Dictionary<string, string[]>();
        var name = heartbeat.AgentName?.Trim() ?? "";
        if (!NamePattern().IsMatch(name))
        {
            errors["agent_name"] = ["agent_name must be 1-100 characters of letters, digits, '_', '.', '-'"];
        }

        var capabilities = heartbeat.Capabilities is { Count: > 0 } given ? given.Distinct().ToList() : AllCapabilities.ToList();
        if (capabilities.FirstOrDefault(c => !AllCapabilities.Contains(c)) is { } unknown)
        {
            errors["capabilities"] = [$"unknown capability '{unknown}'; capabilities are {string.Join(", ", AllCapabilities)}"];
        }

        var credentials = heartbeat.Credentials ?? [];
        for (var i = 0; i < credentials.Count; i++)
        {
            if (!NamePattern().IsMatch(credentials[i].Name ?? ""))
            {
                errors[$"credentials[{i}].name"] = ["a credential name is 1-100 characters of letters, digits, '_', '.', '-'"];
            }

            if (!CredentialTypes.Contains(credentials[i].Type ?? ""))
            {
                errors[$"credentials[{i}].type"] = [$"unknown credential type '{credentials[i].Type}'; types are {string.Join(", ", CredentialTypes)}"];
            }
        }

        var rateLimits = heartbeat.RateLimits ?? new Dictionary<string, UpstreamRateLimit>();
        if (rateLimits.Count > MaxRateLimits || rateLimits.Any(r => !NamePattern().IsMatch(r.Key) || r.Value is null || r.Value.Limit < 0 || r.Value.Remaining < 0))
        {
            errors["rate_limits"] = [$"rate_limits maps at most {MaxRateLimits} upstream names to {{limit, remaining, resets_at}} with non-negative numbers"];
        }

        var version = (heartbeat.Version ?? "").Trim();
        if (version.Length > 100)
        {
            errors["version"] = ["version must be at most 100 characters"];
        }

        return errors.Count > 0
            ? new Validated<ValidHeartbeat>(null, errors)
            : new Validated<ValidHeartbeat>(new ValidHeartbeat(name, version, capabilities, credentials, rateLimits), errors);
    }

    /// <summary>Agent and credential names: they appear in logs and job definitions, so keep them plain.</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex NamePattern();
}
