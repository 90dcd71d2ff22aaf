namespace Planekeeper.Tests.Infrastructure;

/// <summary>One column as <c>information_schema.columns</c> describes it.</summary>
public sealed record SchemaColumn(string Table, string Column, string Type, bool Nullable, bool HasDefault);

/// <summary>
/// The expand rule between two releases (docs/deploy.md, "Migrations: expand, then contract"): the schema after the
/// new migrations must still serve the previous release's code. Every table and column it knew stays, with its type; a
/// column it could leave out of an insert (nullable or defaulted) stays so; a column added to a table it writes must be
/// nullable or have a default, because its inserts do not name it.
/// </summary>
public static class SchemaCompatibility
{
    public static IReadOnlyList<string> Breaks(IReadOnlyList<SchemaColumn> before, IReadOnlyList<SchemaColumn> after)
    {
        var now = after.ToDictionary(column => (column.Table, column.Column));
        var knownTables = before.Select(column => column.Table).ToHashSet();
        var breaks = new List<string>();
        foreach (var old in before)
        {
            if (!now.TryGetValue((old.Table, old.Column), out var current))
            {
                breaks.Add($"{old.Table}.{old.Column} was dropped or renamed: the previous release still reads it");
            }
            else if (current.Type != old.Type)
            {
                breaks.Add($"{old.Table}.{old.Column} changed type from {old.Type} to {current.Type}");
            }
            else if ((old.Nullable || old.HasDefault) && !current.Nullable && !current.HasDefault)
            {
                breaks.Add($"{old.Table}.{old.Column} became NOT NULL without a default: the previous release's inserts may leave it out");
            }
        }

        breaks.AddRange(after
            .Where(column => knownTables.Contains(column.Table) && !before.Any(old => old.Table == column.Table && old.Column == column.Column))
            .Where(column => !column.Nullable && !column.HasDefault)
            .Select(column => $"{column.Table}.{column.Column} was added NOT NULL without a default: the previous release's inserts do not name it"));
        return breaks;
    }
}
