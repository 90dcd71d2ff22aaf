namespace Planekeeper.Bench.UiPages;

/// <summary>A page measured, and what its answer must contain to count as the page with the seeded data.</summary>
public sealed record UiPage(string Label, string Path, IReadOnlyList<string> Expected)
{
    /// <summary>
    /// Fails unless the page answers 200 with every expected text: a session that did not take would be redirected to
    /// the sign-in page, which also answers 200.
    /// </summary>
    /// <returns>The size of the page in bytes.</returns>
    public async Task<int> ConfirmAsync(HttpClient http)
    {
        using var response = await http.GetAsync(Path);
        var body = await response.Content.ReadAsStringAsync();
        var missing = Expected.Where(text => !body.Contains(text, StringComparison.Ordinal)).ToList();
        if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri?.AbsolutePath != Path || missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"GET {Path} answered {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}, missing [{string.Join(", ", missing)}]:\n{body[..Math.Min(body.Length, 2000)]}");
        }

        return System.Text.Encoding.UTF8.GetByteCount(body);
    }
}
