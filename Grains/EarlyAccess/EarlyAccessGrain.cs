using Orleans.Concurrency;
using Planekeeper.Grains.Audit;
using Planekeeper.Grains.Interfaces.Common;
using Planekeeper.Grains.Interfaces.EarlyAccess;
using Planekeeper.Grains.Interfaces.Identity;
using Planekeeper.Grains.Storage;

namespace Planekeeper.Grains.EarlyAccess;

[StatelessWorker]
[GrainType("planekeeper.early-access")]
public sealed class EarlyAccessGrain(EarlyAccessStore store, AuditWriter audit, TimeProvider clock) : Grain, IEarlyAccessGrain
{
    public async Task<CommandResult<WaitlistRequest>> SubmitAsync(string? email, string? name, string? company, string? useCase)
    {
        var (input, errors) = WaitlistInput.Parse(email, name, company, useCase);
        if (input is null)
        {
            return CommandResult<WaitlistRequest>.Invalid(errors);
        }

        return CommandResult<WaitlistRequest>.Ok(await store.UpsertAsync(input.Email, input.Name, input.Company, input.UseCase, Now()));
    }

    public async Task<Page<WaitlistRequest>> ListAsync(string? status, int limit, long? after) =>
        await KeysetPaging.ReadAsync(limit, size => store.ListAsync(status, size, after), request => request.Id);

    public async Task<IReadOnlyList<WaitlistRequest>> ExportAsync()
    {
        var all = new List<WaitlistRequest>();
        long? after = null;
        while (true)
        {
            var page = await store.ListAsync(null, 1000, after);
            all.AddRange(page);
            if (page.Count < 1000)
            {
                return all;
            }

            after = page[^1].Id;
        }
    }

    public async Task<CommandResult<WaitlistInvitation>> InviteAsync(string actor, long id)
    {
        var token = SecretToken.New();
        var invited = await store.InviteAsync(id, SecretToken.Hash(token), actor, Now());
        if (invited is null)
        {
            return await store.GetAsync(id) is null
                ? CommandResult<WaitlistInvitation>.NotFound($"no early-access request {id}")
                : CommandResult<WaitlistInvitation>.Conflict("the request's invitation was already used to sign up");
        }

        await audit.WriteAsync(new AuditEntry(null, actor, "early_access.invite", $"early_access:{id}"));
        return CommandResult<WaitlistInvitation>.Ok(new WaitlistInvitation(invited, token));
    }

    public async Task<CommandResult<WaitlistRequest>> DeclineAsync(string actor, long id)
    {
        var declined = await store.DeclineAsync(id, Now());
        if (declined is null)
        {
            return await store.GetAsync(id) is null
                ? CommandResult<WaitlistRequest>.NotFound($"no early-access request {id}")
                : CommandResult<WaitlistRequest>.Conflict("the request's invitation was already used to sign up");
        }

        await audit.WriteAsync(new AuditEntry(null, actor, "early_access.decline", $"early_access:{id}"));
        return CommandResult<WaitlistRequest>.Ok(declined);
    }

    public async Task<bool> CheckInvitationAsync(string token, string email) =>
        SecretToken.HasShape(token)
        && await store.FindUnusedInvitationEmailAsync(SecretToken.Hash(token)) is { } invited
        && string.Equals(invited, WaitlistInput.NormalizeEmail(email), StringComparison.Ordinal);

    public async Task<bool> RedeemInvitationAsync(string token, long userId) =>
        SecretToken.HasShape(token) && await store.RedeemAsync(SecretToken.Hash(token), userId, Now());

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
