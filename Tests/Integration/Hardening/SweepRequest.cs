namespace Planekeeper.Tests.Integration.Hardening;

/// <summary>
/// One request of the malformed-input sweep. <see cref="MustRefuse"/>: any answer but 4xx is a failure (the request
/// cannot be valid for any route); <see cref="Status"/> and <see cref="Field"/>, when set, are the status expected and
/// the field its problem details must name. Otherwise only a 5xx is a failure.
/// </summary>
public sealed record SweepRequest(
    string Label, string Path, byte[]? Body = null, string? ContentType = "application/json", bool Chunked = false,
    bool MustRefuse = false, int? Status = null, string? Field = null);
