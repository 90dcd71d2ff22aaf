namespace Planekeeper.Grains.Alerts.Evaluation;

/// <summary>One alert event (a row of <c>alert_actions</c> with an event name) as routing sees it.</summary>
public sealed record AlertEvent(long Id, long AlertId, long OrganizationId, string Event, string Severity);
