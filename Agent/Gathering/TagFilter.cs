using System.Text.RegularExpressions;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering;

/// <summary>
/// A job's <c>tag_filter</c>: a .NET regular expression a version must match (anywhere; anchor it to match whole)
/// to be kept, applied by every source to the version as published before anything else is done with it. No pattern
/// keeps everything. A helm sync filters chart names the same way (<c>chart_filter</c>).
/// </summary>
public sealed class TagFilter
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly string _field;
    private readonly Regex? _pattern;

    /// <exception cref="TaskFailedException">The pattern is not a valid regular expression (not retryable).</exception>
    public TagFilter(string? pattern, string field = "tag_filter")
    {
        _field = field;
        if (string.IsNullOrEmpty(pattern))
        {
            return;
        }

        try
        {
            _pattern = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new TaskFailedException($"{field} '{pattern}' is not a valid regular expression: {exception.Message}", retryable: false);
        }
    }

    /// <exception cref="TaskFailedException">The pattern took longer than 1 s on one name (not retryable).</exception>
    public bool Allows(string name)
    {
        try
        {
            return _pattern is null || _pattern.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new TaskFailedException($"{_field} '{_pattern}' took longer than {MatchTimeout.TotalSeconds:0} s on '{name}'; simplify the pattern", retryable: false);
        }
    }
}
