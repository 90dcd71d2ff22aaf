using System.Collections;
using System.Reflection;

namespace Planekeeper.Grains.Interfaces.Common;

/// <summary>
/// The only values a string property (or each item of a list of strings) takes: the list in a static member of
/// <paramref name="holder"/> that the validators also use, so the OpenAPI description's <c>enum</c> never drifts from
/// what the server accepts (docs/api.md, "OpenAPI description").
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ValuesOfAttribute(Type holder, string member = "All") : Attribute
{
    public IReadOnlyList<string> Values { get; } = Read(holder, member);

    private static IReadOnlyList<string> Read(Type holder, string member)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        var value = holder.GetProperty(member, flags)?.GetValue(null) ?? holder.GetField(member, flags)?.GetValue(null)
            ?? throw new ArgumentException($"{holder.Name}.{member} is not a public static list of values", nameof(member));
        return ((IEnumerable)value).Cast<object>().Select(item => item.ToString()!).ToList();
    }
}
