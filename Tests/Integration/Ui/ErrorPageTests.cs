using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planekeeper.WebFrontend.Availability;
using Planekeeper.WebFrontend.Ui;

namespace Planekeeper.Tests.Integration.Ui;

/// <summary>
/// An unhandled error on a page is the 500 page with the trace id — never the exception — and it is logged with that
/// id; a page whose cluster call fails for want of the cluster is the outage page (503, <c>Retry-After</c>); an API route is left to the API's own exception handler (problem details in the frontend). The frontend's own middleware and error page on real Kestrel.
/// </summary>
public sealed class ErrorPageTests : IAsyncLifetime
{
    private const string Secret = "connection string password=hunter2";
    private static readonly TimeSpan OutageCheckInterval = TimeSpan.FromSeconds(7);
    private readonly CapturingLoggerProvider _logs = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(_logs);
        builder.Services.AddRazorPages().AddApplicationPart(typeof(ErrorPageMiddleware).Assembly);
        builder.Services.AddSingleton(new AvailabilitySettings(false, TimeSpan.FromMinutes(5), OutageCheckInterval, 2));
        _app = builder.Build();
        _app.UseMiddleware<ErrorPageMiddleware>();
        _app.UseRouting();
        _app.MapGet("/broken", () => { throw new InvalidOperationException(Secret); });
        _app.MapGet("/cluster-gone", () => { throw new Orleans.Runtime.SiloUnavailableException(Secret); });
        _app.MapGet("/api/v1/broken", () => { throw new InvalidOperationException(Secret); });
        _app.MapRazorPages();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task A_page_that_fails_shows_the_500_page_with_a_trace_id_and_no_exception()
    {
        using var response = await _http.GetAsync("/broken");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("hunter2", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        var traceId = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"trace-id\">([^<]+)</code>").Groups[1].Value;
        Assert.NotEmpty(traceId);
        Assert.Contains(_logs.Lines, line => line.Contains(traceId) && line.Contains("/broken"));
    }

    [Fact]
    public async Task A_page_that_cannot_reach_the_cluster_shows_the_outage_page_with_retry_after()
    {
        using var response = await _http.GetAsync("/cluster-gone");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(OutageCheckInterval, response.Headers.RetryAfter?.Delta);
        Assert.Contains("<h1>Service temporarily unavailable</h1>", html);
        Assert.DoesNotContain("hunter2", html);
        Assert.DoesNotContain("trace-id", html);
    }

    [Fact]
    public async Task An_api_route_that_fails_is_not_turned_into_a_page()
    {
        using var response = await _http.GetAsync("/api/v1/broken");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Something went wrong", await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
