using Planekeeper.Grains.Tasks;

namespace Planekeeper.Tests.Unit.Tasks;

public class ServerRotationTests
{
    [Fact]
    public void Organizations_take_turns_in_the_order_they_came_each_once()
    {
        var rotation = new ServerRotation();
        rotation.Keep(3);
        rotation.Keep(1);
        rotation.Keep(3);
        rotation.Keep(2);

        Assert.Equal([3, 1], rotation.TakeFront(2));
        Assert.Equal([2], rotation.TakeFront(5));
        Assert.Empty(rotation.TakeFront(1));
    }

    [Fact]
    public void Those_whose_turn_did_not_come_go_back_to_the_front_in_order()
    {
        var rotation = new ServerRotation();
        foreach (var organization in new long[] { 1, 2, 3, 4, 5 })
        {
            rotation.Keep(organization);
        }

        var group = rotation.TakeFront(3);
        rotation.Keep(group[0]);
        rotation.PutBackInFront(group[1..]);

        Assert.Equal([2, 3, 4, 5, 1], rotation.TakeFront(10));
    }

    [Fact]
    public void One_that_came_back_meanwhile_keeps_its_place()
    {
        var rotation = new ServerRotation();
        rotation.Keep(1);
        rotation.Keep(2);
        var group = rotation.TakeFront(2);
        rotation.Keep(7);
        rotation.Keep(2);

        rotation.PutBackInFront(group);

        Assert.Equal([1, 7, 2], rotation.TakeFront(10));
        Assert.Equal(0, rotation.Count);
    }
}
