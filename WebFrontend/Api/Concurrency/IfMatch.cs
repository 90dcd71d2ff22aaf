using System.Globalization;
using Planekeeper.Grains.Interfaces.Common;

namespace Planekeeper.WebFrontend.Api.Concurrency;

/// <summary>
/// Reads an <c>If-Match</c> header (RFC 9110 §13.1.1) into the versions a write may replace (docs/api.md, "ETags and
/// If-Match"): absent or <c>*</c> → no condition; a list of entity tags → the versions of its strong tags of the form
/// <c>"7"</c>. Weak tags (<c>W/"7"</c>) and strong tags that are no version of ours never match; a value that is not
/// an entity-tag list at all is malformed.
/// </summary>
public sealed class IfMatch
{
    public const string Header = "If-Match";

    private IfMatch(bool malformed, ExpectedVersion? expected)
    {
        IsMalformed = malformed;
        Expected = expected;
    }

    /// <summary>The header is not <c>*</c> nor a comma-separated list of entity tags: answered 400 naming the header.</summary>
    public bool IsMalformed { get; }

    /// <summary>Null when the write is unconditional (no header, or <c>*</c>).</summary>
    public ExpectedVersion? Expected { get; }

    public static IfMatch Parse(IEnumerable<string?> values)
    {
        var text = string.Join(",", values.Where(v => v is not null)).Trim();
        if (text.Length == 0 || text == "*")
        {
            return new IfMatch(false, null);
        }

        var members = text.Split(',').Select(m => m.Trim()).Where(m => m.Length > 0).ToList();
        var versions = new List<int>();
        foreach (var member in members)
        {
            var weak = member.StartsWith("W/", StringComparison.Ordinal);
            var tag = weak ? member[2..] : member;
            if (!IsQuoted(tag))
            {
                return new IfMatch(true, null);
            }

            if (!weak && EntityTag.ParseVersion(tag) is { } version)
            {
                versions.Add(version);
            }
        }

        return new IfMatch(members.Count == 0, members.Count == 0 ? null : new ExpectedVersion(versions));
    }

    /// <summary>An opaque-tag: a double-quoted string without quotes, spaces or control characters inside.</summary>
    private static bool IsQuoted(string tag) =>
        tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"' && tag[1..^1].All(c => c > ' ' && c != '"' && c != 0x7f);
}
