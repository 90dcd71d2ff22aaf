using System.Text.RegularExpressions;
using Planekeeper.Agent.Work;

namespace Planekeeper.Agent.Gathering;

/// <summary>
/// A job's <c>tag_filter</c>: a .NET regular expression a version must match (anywhere; anchor it to match whole)
/// to be kept, applied by every source to the version as published before anything else is done with it. No pattern
/// keeps everything. A helm sync filters chart names the same way (<c>chart_filter</c>). One filter serves one task:
/// a match may take 1 s, and all its matches together <see cref="DefaultBudget"/> (docs/agent.md, "Limits"), so a
/// slow pattern over thousands of versions cannot hold the agent for hours.
/// </summary>
public sealed class TagFilter
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly string _field;
    private readonly Regex? _pattern;
    private readonly TimeSpan _budget;
    private readonly System.Diagnostics.Stopwatch _spent = new();
    private int _matched;

    /// <exception cref="TaskFailedException">The pattern is not a valid regular expression (not retryable).</exception>
    public TagFilter(string? pattern, string field = "tag_filter", TimeSpan? budget = null)
    {
        _field = field;
        _budget = budget ?? DefaultBudget;
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

    /// <exception cref="TaskFailedException">The pattern took longer than 1 s on one name, or the task's matches together
    /// took longer than the budget (not retryable).</exception>
    public bool Allows(string name)
    {
        if (_pattern is null)
        {
            return true;
        }

        if (_spent.Elapsed > _budget)
        {
            throw new TaskFailedException(
                $"{_field} '{_pattern}' took more than {_budget.TotalSeconds:0.#} s in all on {_matched} names; simplify the pattern", retryable: false);
        }

        _spent.Start();
        try
        {
            _matched++;
            return _pattern.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new TaskFailedException($"{_field} '{_pattern}' took longer than {MatchTimeout.TotalSeconds:0} s on '{name}'; simplify the pattern", retryable: false);
        }
        finally
        {
            _spent.Stop();
        }
    }
}
