using Planekeeper.Tests.Infrastructure;

namespace Planekeeper.Tests.Unit.Storage;

public sealed class SchemaCompatibilityTests
{
    private static readonly SchemaColumn Id = new("jobs", "id", "bigint", false, true);
    private static readonly SchemaColumn Name = new("jobs", "name", "text", false, false);
    private static readonly SchemaColumn Note = new("jobs", "note", "text", true, false);

    [Fact]
    public void Adding_nullable_or_defaulted_columns_and_new_tables_is_an_expansion()
    {
        Assert.Empty(SchemaCompatibility.Breaks(
            [Id, Name],
            [Id, Name, Note, new("jobs", "weight", "integer", false, true), new("new_table", "id", "bigint", false, false)]));
    }

    [Fact]
    public void Dropping_retyping_or_tightening_a_column_the_previous_release_uses_is_a_break()
    {
        var breaks = SchemaCompatibility.Breaks([Id, Name, Note], [Id with { Type = "integer" }, Note with { Nullable = false }]);
        Assert.Equal(3, breaks.Count);
        Assert.Contains(breaks, text => text.StartsWith("jobs.name was dropped"));
        Assert.Contains(breaks, text => text.StartsWith("jobs.id changed type"));
        Assert.Contains(breaks, text => text.StartsWith("jobs.note became NOT NULL"));
    }

    [Fact]
    public void A_required_column_added_to_an_existing_table_is_a_break()
    {
        Assert.Equal(["jobs.owner was added NOT NULL without a default: the previous release's inserts do not name it"],
            SchemaCompatibility.Breaks([Id], [Id, new("jobs", "owner", "bigint", false, false)]));
    }
}
