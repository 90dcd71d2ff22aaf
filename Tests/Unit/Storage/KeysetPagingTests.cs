using Planekeeper.Grains.Storage;

namespace Planekeeper.Tests.Unit.Storage;

public class KeysetPagingTests
{
    private static Func<int, Task<List<long>>> Stored(int rows, List<int>? asked = null) => count =>
    {
        asked?.Add(count);
        return Task.FromResult(Enumerable.Range(1, rows).Select(id => (long)id * 10).Take(count).ToList());
    };

    [Fact]
    public async Task The_store_is_asked_for_one_row_more_than_the_page()
    {
        var asked = new List<int>();

        await KeysetPaging.ReadAsync(3, Stored(10, asked), id => id);

        Assert.Equal([4], asked);
    }

    [Fact]
    public async Task A_page_followed_by_more_rows_ends_with_the_cursor_of_its_last_row()
    {
        var page = await KeysetPaging.ReadAsync(3, Stored(4), id => id, id => $"row {id}");

        Assert.Equal(["row 10", "row 20", "row 30"], page.Items);
        Assert.Equal("30", page.NextCursor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_last_page_has_no_cursor(int rows)
    {
        var page = await KeysetPaging.ReadAsync(3, Stored(rows), id => id);

        Assert.Equal(rows, page.Items.Count);
        Assert.Null(page.NextCursor);
    }
}
