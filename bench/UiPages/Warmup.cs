using System.Diagnostics;

namespace Planekeeper.Bench.UiPages;

/// <summary>
/// Requests every page in turn for a while before any is measured. After 200 requests of its own the dashboard still
/// paid for tiered compilation (the frontend's JIT thread took about a seventh of the machine, and the frontend's CPU
/// per request halved over the next thousand): a long-running server has long compiled its hot paths.
/// </summary>
public static class Warmup
{
    public static async Task<int> RunAsync(HttpClient http, IReadOnlyList<UiPage> pages, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var requests = 0;
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            using var response = await http.GetAsync(pages[requests++ % pages.Count].Path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        return requests;
    }
}
