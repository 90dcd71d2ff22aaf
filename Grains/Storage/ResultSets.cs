using System.Data.Common;
using Dapper;

namespace Planekeeper.Grains.Storage;

/// <summary>Reading a batch of statements' results in order from one data reader, as Dapper maps rows.</summary>
public static class ResultSets
{
    /// <summary>The rows of the current result, mapped to <typeparamref name="T"/>; the reader moves on to the next result.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this DbDataReader reader)
    {
        var parse = reader.GetRowParser<T>();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(parse(reader));
        }

        await reader.NextResultAsync();
        return rows;
    }
}
