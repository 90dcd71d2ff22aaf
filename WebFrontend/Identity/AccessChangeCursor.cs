namespace Planekeeper.WebFrontend.Identity;

/// <summary>
/// How far this frontend has read the access change feed (docs/security.md, "Verified API keys"): the last change
/// applied, the first change from which cached answers count (after a start-over), and when the last read that
/// succeeded was sent. Written by <see cref="AccessChangeFeed"/> alone; read by every request.
/// </summary>
public sealed class AccessChangeCursor
{
    private long _applied = -1;
    private long _floor;
    private long _confirmedAtTicks;

    /// <summary>The last change applied; negative before the first read.</summary>
    public long Applied => Volatile.Read(ref _applied);

    /// <summary>An answer asked for before this change was applied is not kept beyond its first second.</summary>
    public long Floor => Volatile.Read(ref _floor);

    /// <summary>
    /// Whether a read sent no more than <see cref="AnswerLifetimes.Unconfirmed"/> ago succeeded: every change recorded before
    /// <paramref name="now"/> less that age has been applied.
    /// </summary>
    public bool Confirms(DateTimeOffset now) => now.UtcTicks - Volatile.Read(ref _confirmedAtTicks) <= AnswerLifetimes.Unconfirmed.Ticks;

    public void StartOver(long last) => Volatile.Write(ref _floor, last);

    /// <param name="sentAt">When the read that brought the changes up to <paramref name="last"/> was sent.</param>
    public void Advance(long last, DateTimeOffset sentAt)
    {
        Volatile.Write(ref _applied, last);
        Volatile.Write(ref _confirmedAtTicks, sentAt.UtcTicks);
    }
}
