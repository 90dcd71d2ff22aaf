using System.Text.Json;

namespace Planekeeper.WebFrontend.Hosting;

public static class JsonConventions
{
    /// <summary>Every JSON body of the API uses snake_case names (docs/api.md).</summary>
    public static void UseSnakeCaseJson(this IHostApplicationBuilder builder) =>
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
}
