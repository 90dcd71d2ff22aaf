using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Interfaces.EarlyAccess;

/// <summary>One request on the early-access waitlist (<c>earlyaccess.waitlist_requests</c>).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.early-access.request")]
public sealed record WaitlistRequest(
    [property: Id(0)] long Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string Name,
    [property: Id(3)] string Company,
    [property: Id(4)] string UseCase,
    [property: Id(5), ValuesOf(typeof(IEarlyAccessGrain), nameof(IEarlyAccessGrain.Statuses))] string Status,
    [property: Id(6)] DateTime CreatedAt,
    [property: Id(7)] DateTime UpdatedAt,
    [property: Id(8)] DateTime? InvitedAt,
    [property: Id(9)] DateTime? DeclinedAt,
    [property: Id(10)] DateTime? InviteUsedAt);

/// <summary>An invitation just issued: the request and the sign-up token, shown once (only its hash is stored).</summary>
[GenerateSerializer, Immutable, Alias("planekeeper.early-access.invitation")]
public sealed record WaitlistInvitation([property: Id(0)] WaitlistRequest Request, [property: Id(1)] string Token);

/// <summary>
/// The early-access waitlist: anyone's request (de-duplicated by email), and the global admin's list, invitation and
/// refusal. An invitation is a single-use sign-up token for that email that makes the new account approved. Stateless.
/// </summary>
[Alias("planekeeper.early-access")]
public interface IEarlyAccessGrain : IGrainWithIntegerKey
{
    public static readonly string[] Statuses = ["new", "invited", "declined"];

    /// <summary>Adds the request, or updates the one with the same email (its status is kept).</summary>
    [Alias("submit")]
    Task<CommandResult<WaitlistRequest>> SubmitAsync(string? email, string? name, string? company, string? useCase);

    /// <summary>Oldest first, after the id <paramref name="after"/>; <paramref name="status"/> null for all.</summary>
    [Alias("list")]
    Task<Page<WaitlistRequest>> ListAsync(string? status, int limit, long? after);

    /// <summary>Every request, oldest first (the CSV export).</summary>
    [Alias("export")]
    Task<IReadOnlyList<WaitlistRequest>> ExportAsync();

    /// <summary>Issues a new sign-up token (replacing an unused one); 409 once the invitation was used.</summary>
    [Alias("invite")]
    Task<CommandResult<WaitlistInvitation>> InviteAsync(string actor, long id);

    [Alias("decline")]
    Task<CommandResult<WaitlistRequest>> DeclineAsync(string actor, long id);

    /// <summary>Whether <paramref name="token"/> is an unused invitation for <paramref name="email"/> (nothing changes).</summary>
    [Alias("check-invitation")]
    Task<bool> CheckInvitationAsync(string token, string email);

    /// <summary>Marks the invitation used by <paramref name="userId"/>; false when it was already used or is unknown.</summary>
    [Alias("redeem-invitation")]
    Task<bool> RedeemInvitationAsync(string token, long userId);
}
