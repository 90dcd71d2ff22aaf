namespace Planekeeper.Grains.Interfaces.Common;

/// <summary>How a command ended. The frontend maps it to 200/201, 404, 409, 422, 403 or 412.</summary>
public enum CommandStatus
{
    Ok,
    NotFound,
    Conflict,
    Invalid,

    /// <summary>The caller lacks something the command needs; <see cref="CommandResult{T}.Errors"/> names what.</summary>
    Forbidden,

    /// <summary>The resource is no longer at the version the caller read (docs/api.md, "ETags and If-Match"); nothing changed.</summary>
    PreconditionFailed,
}

/// <summary>The outcome of a grain command: a value, or why there is none (with field errors for 422).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.common.result`1")]
public sealed record CommandResult<T>(
    [property: Id(0)] CommandStatus Status,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Detail,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Errors)
{
    public static CommandResult<T> Ok(T value) => new(CommandStatus.Ok, value, null, null);

    public static CommandResult<T> NotFound(string detail) => new(CommandStatus.NotFound, default, detail, null);

    public static CommandResult<T> Conflict(string detail) => new(CommandStatus.Conflict, default, detail, null);

    public static CommandResult<T> Invalid(string field, string message) =>
        new(CommandStatus.Invalid, default, message, new Dictionary<string, string[]> { [field] = [message] });

    public static CommandResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CommandStatus.Invalid, default, "The request has invalid fields.", errors);

    /// <param name="lacking">What the caller lacks, e.g. <c>missing_actions</c> → the actions (answered as problem members).</param>
    public static CommandResult<T> Forbidden(string detail, IReadOnlyDictionary<string, string[]> lacking) =>
        new(CommandStatus.Forbidden, default, detail, lacking);

    public static CommandResult<T> PreconditionFailed(string detail) => new(CommandStatus.PreconditionFailed, default, detail, null);

    public CommandResult<TOther> Without<TOther>() => new(Status, default, Detail, Errors);
}
