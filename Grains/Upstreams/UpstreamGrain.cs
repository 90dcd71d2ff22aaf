using Planekeeper.Grains.Interfaces.Tasks;
using Planekeeper.Grains.Interfaces.Upstreams;

namespace Planekeeper.Grains.Upstreams;

[GrainType("planekeeper.upstreams.upstream")]
public sealed class UpstreamGrain(UpstreamStore store, TimeProvider clock) : Grain, IUpstreamGrain
{
    private IReadOnlyList<FoundRelease> _releases = [];
    private UpstreamValidators? _validators;
    private DateTime? _fetchedAt;
    private long _made;
    private long _saved;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Key) is { } row)
        {
            (_releases, _fetchedAt, _made, _saved) = (row.ReleaseList, row.FetchedAt, row.RequestsMade, row.RequestsSaved);
            _validators = row.Etag is null && row.LastModified is null ? null : new UpstreamValidators(row.Etag, row.LastModified);
        }
    }

    public async Task<SharedUpstream?> ShareAsync(IReadOnlyList<DateTime> dueAts)
    {
        if (_fetchedAt is not { } fetched)
        {
            return null;
        }

        var shared = new SharedUpstream(_releases, _validators, fetched);
        var served = dueAts.Count(shared.Serves);
        if (served == 0)
        {
            return null;
        }

        _saved += served;
        await SaveAsync();
        return shared;
    }

    public async Task FillAsync(IReadOnlyList<FoundRelease>? releases, bool unchanged, UpstreamValidators? validators)
    {
        _made++;
        if (!unchanged || _fetchedAt is not null)
        {
            // An unchanged answer confirms the cached releases; without any cached, there is nothing to confirm.
            _releases = unchanged ? _releases : releases ?? [];
            _validators = validators ?? _validators;
            _fetchedAt = clock.GetUtcNow().UtcDateTime;
        }

        await SaveAsync();
    }

    private Task SaveAsync() => store.SaveAsync(Key, _releases, _validators, _fetchedAt, _made, _saved);
}
