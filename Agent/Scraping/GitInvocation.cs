namespace Planekeeper.Agent.Scraping;

/// <summary>One run of the git program: its arguments (never a secret), environment and working directory.</summary>
internal sealed record GitInvocation(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, string WorkingDirectory);
