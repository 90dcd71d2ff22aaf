using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.Identity;

namespace Planekeeper.Grains.Identity;

[StatelessWorker]
[GrainType("planekeeper.identity.accounts")]
public sealed class AccountsGrain(UserStore users, AuditWriter audit, KnownClientTokens knownClients) : Grain, IAccountsGrain
{
    public async Task<CommandResult<UserRecord>> SignUpAsync(string email, string password, bool autoApprove)
    {
        var normalized = EmailAddress.Normalize(email);
        if (normalized is null)
        {
            return CommandResult<UserRecord>.Invalid("email", "email must be a valid address");
        }

        if (PasswordHashing.Validate(password) is { } problem)
        {
            return CommandResult<UserRecord>.Invalid("password", problem);
        }

        var id = await users.InsertAsync(normalized, PasswordHashing.Hash(password), externalSubject: null, autoApprove);
        if (id is null)
        {
            return CommandResult<UserRecord>.Conflict("an account with this email already exists");
        }

        await audit.WriteAsync(new AuditEntry(null, $"user:{id}", "auth.sign_up", $"user:{id}", new { approved = autoApprove }));
        return CommandResult<UserRecord>.Ok((await GrainFactory.GetGrain<IUserGrain>(id.Value).GetAsync())!);
    }

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(bool pendingOnly) => await users.ListAsync(pendingOnly);

    public async Task<SignInResult> SignInAsync(string email, string password, SessionOrigin origin, string? knownClientToken)
    {
        if (password is null || password.Length > PasswordLimits.MaximumLength)
        {
            // No account has such a password; refused before anything is hashed or counted.
            return new SignInResult(SignInStatus.WrongCredentials, null, null, null);
        }

        var userId = await users.FindByEmailAsync(email?.Trim() ?? "");
        var knownClient = userId is { } id && knownClients.IsFor(knownClientToken, id);
        var check = await GrainFactory.GetGrain<IUserGrain>(userId ?? 0).CheckPasswordAsync(password, knownClient);
        switch (check.Status)
        {
            case PasswordCheckStatus.LockedOut:
                return new SignInResult(SignInStatus.LockedOut, null, null, check.LockedUntil);
            case PasswordCheckStatus.LockedByOperator:
                return new SignInResult(SignInStatus.LockedByOperator, null, null, null);
            case PasswordCheckStatus.Wrong:
                if (userId is null)
                {
                    await audit.WriteAsync(new AuditEntry(null, null, "auth.sign_in_failed", null, new { reason = "unknown account" }));
                }

                return new SignInResult(SignInStatus.WrongCredentials, null, null, null);
        }

        var token = SecretToken.New();
        var expiresAt = await GrainFactory.GetGrain<ISessionGrain>(SecretToken.HashHex(token)).OpenAsync(userId!.Value, origin);
        await audit.WriteAsync(new AuditEntry(null, $"user:{userId}", "auth.sign_in", $"user:{userId}"));
        return new SignInResult(SignInStatus.SignedIn, userId, token, null, expiresAt, knownClients.Issue(userId.Value));
    }

    public async Task<long?> ResolveExternalUserAsync(string subject, string email, bool autoApprove)
    {
        var existing = await users.FindByExternalSubjectAsync(subject);
        if (existing is not null)
        {
            return existing;
        }

        var created = await users.InsertAsync(email, passwordHash: null, subject, autoApprove);
        if (created is null)
        {
            // Either the email is a local account's, or a concurrent request created this subject's user first.
            return await users.FindByExternalSubjectAsync(subject);
        }

        await audit.WriteAsync(new AuditEntry(null, $"user:{created}", "auth.external_user_created", $"user:{created}", new { subject }));
        return created;
    }
}
