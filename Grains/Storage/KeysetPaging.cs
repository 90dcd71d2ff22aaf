using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.Grains.Storage;

/// <summary>
/// Keyset paging as every list does it: the store is asked for one row more than the page, so the page knows whether
/// another follows; the cursor is then the id of the page's last row (the next page starts beyond it).
/// </summary>
public static class KeysetPaging
{
    public static async Task<Page<TItem>> ReadAsync<TRow, TItem>(
        int limit, Func<int, Task<List<TRow>>> read, Func<TRow, long> id, Func<TRow, TItem> item)
    {
        var rows = await read(limit + 1);
        var next = rows.Count > limit ? id(rows[limit - 1]).ToString() : null;
        return new Page<TItem>(rows.Take(limit).Select(item).ToList(), next);
    }

    public static Task<Page<TRow>> ReadAsync<TRow>(int limit, Func<int, Task<List<TRow>>> read, Func<TRow, long> id) =>
        ReadAsync(limit, read, id, row => row);
}
