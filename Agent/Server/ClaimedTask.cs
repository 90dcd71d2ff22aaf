using System.Text.Json;

namespace Planekeeper.Agent.Server;

/// <summary>A task the server handed out: the job (its definition as a JSON object) and the lease to keep renewing.</summary>
public sealed record ClaimedTask(
    long TaskId, long OrganizationId, string Kind, long JobId, int Attempt, DateTimeOffset LeaseExpiresAt, JsonElement Job, PreviousFetch? Previous)
{
    public string? JobField(string name) =>
        Job.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString() => $"{Kind} {JobId} (task {TaskId}, attempt {Attempt})";
}

/// <summary>What the upstream said identified its answer at the job's last run (for a conditional request).</summary>
public sealed record PreviousFetch(string? Etag, DateTimeOffset? LastModified);
