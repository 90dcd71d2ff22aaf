namespace Planekeeper.Grains.Access.Policy;

/// <summary>
/// Glob matching where <c>*</c> matches any run of characters (including none) and every other character matches
/// itself, case-sensitively (ordinal). There is no escape for a literal <c>*</c>.
/// </summary>
public static class WildcardPattern
{
    public const char Wildcard = '*';

    public static bool HasWildcard(string pattern) => pattern.Contains(Wildcard, StringComparison.Ordinal);

    public static bool Matches(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);

        // Greedy scan that backtracks only to the most recent '*': linear for typical patterns, O(n*m) at worst.
        int p = 0, v = 0, star = -1, resumeAt = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == Wildcard)
            {
                star = p++;
                resumeAt = v;
            }
            else if (p < pattern.Length && pattern[p] == value[v])
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resumeAt;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == Wildcard)
        {
            p++;
        }
        return p == pattern.Length;
    }
}
