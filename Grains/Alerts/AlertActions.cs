namespace Planekeeper.Grains.Alerts;

/// <summary>The names of an alert's history entries.</summary>
public static class AlertActions
{
    public const string Created = "created";
    public const string Escalated = "escalated";
    public const string DeEscalated = "de_escalated";
    public const string Updated = "updated";
    public const string Acknowledged = "acknowledged";
    public const string Unacknowledged = "unacknowledged";
    public const string Resolved = "resolved";
}
