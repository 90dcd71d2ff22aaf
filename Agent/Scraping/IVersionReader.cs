namespace Planekeeper.Agent.Scraping;

/// <summary>Reads the deployed version out of a target file's text, the way a scrape job's <c>parse_type</c> says.</summary>
internal interface IVersionReader
{
    /// <summary>The version as written in the file (not yet trimmed or transformed).</summary>
    /// <exception cref="Work.TaskFailedException">Not retryable: the file does not hold a version where the expression says.</exception>
    string Read(string text, string targetFile);
}
