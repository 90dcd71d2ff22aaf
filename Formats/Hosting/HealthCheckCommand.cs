namespace Planekeeper.Hosting;

/// <summary>
/// <c>--health-check</c>: the program asks its own <c>/health</c> and exits 0 when it answers 2xx, 1 otherwise. The
/// container images' <c>HEALTHCHECK</c> runs it, as the .NET runtime images have neither curl nor wget
/// (docs/deploy.md, "Images").
/// </summary>
public static class HealthCheckCommand
{
    public const string Argument = "--health-check";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool IsRequested(IReadOnlyList<string> args) => args.Contains(Argument);

    public static async Task<int> RunAsync(string program, Uri health)
    {
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(health);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            Console.Error.WriteLine($"{program}: {health} answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{program}: {health} did not answer: {e.Message}");
        }

        return 1;
    }
}
