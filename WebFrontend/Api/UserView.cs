using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.WebFrontend.Api;

public sealed record UserView(long Id, string Email, bool IsApproved, bool IsGlobalAdmin, DateTime CreatedAt, bool IsLocked, DateTime? LockedAt)
{
    public static UserView From(UserRecord user) => new(user.Id, user.Email, user.IsApproved, user.IsSuperAdmin, user.CreatedAt, user.IsLocked, user.LockedAt);
}
