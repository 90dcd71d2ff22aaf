namespace Planekeeper.Grains.Interfaces.Alerts;

/// <summary>The answer to a bulk acknowledge: the alerts acknowledged, and why each other id was not.</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.alerts.bulk-ack")]
public sealed record BulkAcknowledgement(
    [property: Id(0)] IReadOnlyList<long> Acknowledged,
    [property: Id(1)] IReadOnlyList<BulkAcknowledgementFailure> Failed);

[GenerateSerializer, Immutable, Alias("planekeeper.alerts.bulk-ack-failure")]
public sealed record BulkAcknowledgementFailure(
    [property: Id(0)] long Id,
    [property: Id(1)] int Status,
    [property: Id(2)] string Detail);
