namespace Planekeeper.Agent.Scraping;

/// <summary>What a git run printed and how it ended.</summary>
internal sealed record GitOutput(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
