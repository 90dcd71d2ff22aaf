namespace Planekeeper.Grains.Interfaces.Identity;

public enum PasswordCheckStatus
{
    Correct,
    Wrong,
    LockedOut,

    /// <summary>The password is right but a global admin locked the account.</summary>
    LockedByOperator,
}

[GenerateSerializer, Immutable, Alias("planekeeper.identity.password-check")]
public sealed record PasswordCheck([property: Id(0)] PasswordCheckStatus Status, [property: Id(1)] DateTime? LockedUntil);
