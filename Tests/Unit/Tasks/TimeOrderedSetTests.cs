using Planekeeper.Grains.Tasks;
using static Planekeeper.Tests.Unit.Tasks.TaskTestData;

namespace Planekeeper.Tests.Unit.Tasks;

public class TimeOrderedSetTests
{
    private sealed record Item(string Name);

    private static readonly Item A = new("a");
    private static readonly Item B = new("b");
    private static readonly Item C = new("c");

    [Fact]
    public void An_empty_set_has_no_earliest_time()
    {
        var set = new TimeOrderedSet<Item>();

        Assert.Null(set.EarliestAt);
        Assert.Empty(set.InOrder);
        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void Items_come_in_time_order()
    {
        var set = new TimeOrderedSet<Item>();
        set.Add(A, At(2));
        set.Add(B, At(0));
        set.Add(C, At(1));

        Assert.Equal([B, C, A], set.InOrder);
        Assert.Equal(At(0), set.EarliestAt);
    }

    [Fact]
    public void Equal_times_keep_the_order_items_were_added()
    {
        var set = new TimeOrderedSet<Item>();
        set.Add(B, Now);
        set.Add(A, Now);
        set.Add(C, Now);

        Assert.Equal([B, A, C], set.InOrder);
    }

    [Fact]
    public void An_item_added_again_goes_behind_those_with_the_same_time()
    {
        var set = new TimeOrderedSet<Item>();
        set.Add(A, Now);
        set.Add(B, Now);

        set.Remove(A);
        set.Add(A, Now);

        Assert.Equal([B, A], set.InOrder);
    }

    [Fact]
    public void Remove_says_whether_the_item_was_there()
    {
        var set = new TimeOrderedSet<Item>();
        set.Add(A, Now);

        Assert.True(set.Remove(A));
        Assert.False(set.Remove(A));
        Assert.False(set.Remove(B));
        Assert.Equal(0, set.Count);
        Assert.Null(set.EarliestAt);
    }

    [Fact]
    public void Items_are_told_apart_by_reference_not_by_value()
    {
        var set = new TimeOrderedSet<Item>();
        var twin = new Item("a");
        set.Add(A, At(0));
        set.Add(twin, At(1));

        Assert.True(set.Remove(twin));
        Assert.Same(A, Assert.Single(set.InOrder));
    }

    [Fact]
    public void At_or_before_includes_the_given_time_earliest_first()
    {
        var set = new TimeOrderedSet<Item>();
        set.Add(C, At(1));
        set.Add(A, At(-1));
        set.Add(B, At(0));

        Assert.Equal([A, B], set.AtOrBefore(Now));
        Assert.Empty(set.AtOrBefore(At(-2)));
    }

    [Fact]
    public void The_earliest_time_allocates_nothing()
    {
        var set = new TimeOrderedSet<Item>();
        set.Add(A, At(1));
        set.Add(B, At(2));
        _ = set.EarliestAt;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = set.EarliestAt;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
