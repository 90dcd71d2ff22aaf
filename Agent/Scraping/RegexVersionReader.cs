using System.Text.RegularExpressions;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Scraping;

/// <summary>
/// <c>regex</c>: the first match in the file; its first capture group is the version (the whole match when there is
/// no group). Multiline: <c>^</c> and <c>$</c> match at the start and end of every line (a Windows line end leaves a
/// '\r' before <c>$</c>, which trimming removes from a captured version). The match may take at most
/// <see cref="MatchTimeout"/>.
/// </summary>
internal sealed class RegexVersionReader : IVersionReader
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex expression;

    public RegexVersionReader(string pattern)
    {
        try
        {
            expression = new Regex(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new TaskFailedException($"parse_expression is not a valid regular expression: {exception.Message}", retryable: false, inner: exception);
        }
    }

    public string Read(string text, string targetFile)
    {
        Match match;
        try
        {
            match = expression.Match(text);
        }
        catch (RegexMatchTimeoutException exception)
        {
            throw new TaskFailedException(
                $"{targetFile}: the expression took longer than {MatchTimeout.TotalSeconds:0} s (catastrophic backtracking?)", retryable: false, inner: exception);
        }
        if (!match.Success)
        {
            throw new TaskFailedException($"{targetFile}: the expression {expression} matches nothing", retryable: false);
        }
        return match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
    }
}
