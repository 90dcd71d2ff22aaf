using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Channels;
using Planekeeper.Grains.Notifications.Senders;
using Planekeeper.Grains.Notifications.Templates;
using Planekeeper.Tests.Integration.Notifications.Support;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>Each sender against a real receiver on 127.0.0.1 (private addresses allowed, as in a test deployment).</summary>
public sealed class ChannelSenderTests : IAsyncLifetime
{
    private readonly NotificationHttp _http = new(new NotificationNetworkSettings(AllowPrivateUrls: true));
    private ReceiverStandIn _receiver = null!;

    public async Task InitializeAsync() => _receiver = await ReceiverStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _http.Dispose();
    }

    private static ChannelDefinition Channel(string type, object config, Dictionary<string, string>? secrets = null) =>
        new(7, type, JsonNode.Parse(JsonSerializer.Serialize(config))!.AsObject(), secrets ?? []);

    private static (AlertNotice Notice, RenderedMessage Message) Sample(string type, string eventName = "alert.created")
    {
        var notice = SampleNotice.For(eventName);
        return (notice, MessageComposer.Compose(type, notice, null));
    }

    private static async Task<DeliveryAttemptResult> SendAsync(IChannelSender sender, ChannelDefinition channel, string eventName = "alert.created")
    {
        var (notice, message) = Sample(channel.Type, eventName);
        return await sender.SendAsync(channel, notice, message, CancellationToken.None);
    }

    [Fact]
    public async Task A_webhook_carries_the_payload_the_headers_and_a_signature_the_receiver_can_verify()
    {
        var channel = Channel("webhook", new { url = $"{_receiver.Url}hooks/pk", headers = new { Authorization = "" } },
            new() { ["hmac_secret"] = "s3cret", ["headers.Authorization"] = "Bearer abc" });
        var (notice, message) = Sample("webhook");
        var result = await new WebhookSender(_http, TimeProvider.System).SendAsync(channel, notice, message, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(_receiver.Requests);
        Assert.Equal(("POST", "/hooks/pk", message.JsonBody), (request.Method, request.Path, request.Body));
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        Assert.StartsWith("Planekeeper/", request.Headers["User-Agent"]);
        Assert.Equal("alert.created", request.Headers["X-Planekeeper-Event"]);
        Assert.Equal(notice.IdempotencyKey.ToString(), request.Headers["X-Planekeeper-Delivery"]);
        Assert.Equal("Bearer abc", request.Headers["Authorization"]);
        var timestamp = long.Parse(request.Headers["X-Planekeeper-Timestamp"]);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp, 0, 30);
        Assert.Equal(WebhookSignature.Sign("s3cret", timestamp, request.Body), request.Headers["X-Planekeeper-Signature"]);
        Assert.Equal("{\"ok\":true}", result.ResponseBody);
    }

    [Fact]
    public async Task Without_a_secret_there_is_no_signature()
    {
        await SendAsync(new WebhookSender(_http, TimeProvider.System), Channel("webhook", new { url = _receiver.Url.ToString() }));
        Assert.False(_receiver.Requests.Single().Headers.ContainsKey("X-Planekeeper-Signature"));
    }

    [Theory]
    [InlineData("slack", "text")]
    [InlineData("discord", "content")]
    [InlineData("teams", "text")]
    public async Task Chat_services_get_their_native_message(string type, string field)
    {
        IChannelSender sender = type switch { "slack" => new SlackSender(_http), "discord" => new DiscordSender(_http), _ => new TeamsSender(_http) };
        var result = await SendAsync(sender, Channel(type, new { }, new() { ["webhook_url"] = $"{_receiver.Url}services/T0/B0/x" }));
        Assert.True(result.Succeeded, result.Error);
        using var body = JsonDocument.Parse(_receiver.Requests.Single().Body);
        Assert.Contains("github.com/kubernetes/kubernetes", body.RootElement.GetProperty(field).GetString());
        if (type == "teams")
        {
            Assert.Equal("MessageCard", body.RootElement.GetProperty("@type").GetString());
        }
    }

    [Fact]
    public async Task PagerDuty_triggers_then_resolves_one_incident_per_alert()
    {
        var channel = Channel("pagerduty", new { api_url = $"{_receiver.Url}v2/enqueue" }, new() { ["routing_key"] = "R0UTE" });
        var sender = new PagerDutySender(_http);
        _receiver.AnswerNext(202);
        Assert.True((await SendAsync(sender, channel, "alert.created")).Succeeded);
        Assert.True((await SendAsync(sender, channel, "alert.resolved")).Succeeded);

        var bodies = _receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["trigger", "resolve"], bodies.Select(b => b.GetProperty("event_action").GetString()));
        Assert.Equal(["planekeeper-alert-42", "planekeeper-alert-42"], bodies.Select(b => b.GetProperty("dedup_key").GetString()));
        Assert.All(bodies, b => Assert.Equal("R0UTE", b.GetProperty("routing_key").GetString()));
        Assert.Equal("error", bodies[0].GetProperty("payload").GetProperty("severity").GetString());
        Assert.False(bodies[1].TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task A_PagerDuty_incident_is_titled_with_the_first_line_of_the_channel_template()
    {
        var channel = Channel("pagerduty", new { api_url = $"{_receiver.Url}v2/enqueue" }, new() { ["routing_key"] = "R0UTE" });
        var notice = SampleNotice.For("alert.created");
        var message = MessageComposer.Compose("pagerduty", notice, "\n{{.Alert.ConfigName | upper}} is {{.Alert.BehindBy}} behind\nsecond line");
        Assert.True((await new PagerDutySender(_http).SendAsync(channel, notice, message, CancellationToken.None)).Succeeded);

        var payload = JsonDocument.Parse(_receiver.Requests.Single().Body).RootElement.GetProperty("payload");
        Assert.Equal($"{notice.ConfigName.ToUpperInvariant()} is {notice.BehindBy} behind", payload.GetProperty("summary").GetString());
        Assert.EndsWith("second line", payload.GetProperty("custom_details").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Telegram_sends_to_the_bot_and_never_shows_its_token()
    {
        var channel = Channel("telegram", new { chat_id = "-100123", api_url = _receiver.Url.ToString() }, new() { ["bot_token"] = "123:SECRET" });
        Assert.True((await SendAsync(new TelegramSender(_http), channel)).Succeeded);
        var request = _receiver.Requests.Single();
        Assert.Equal("/bot123:SECRET/sendMessage", request.Path);
        Assert.Equal("-100123", JsonDocument.Parse(request.Body).RootElement.GetProperty("chat_id").GetString());

        await _receiver.StopAsync();
        var failed = await SendAsync(new TelegramSender(_http), channel);
        Assert.Equal(DeliveryFailureKind.Retryable, failed.Failure);
        Assert.DoesNotContain("SECRET", failed.Error);
    }

    [Fact]
    public async Task A_mail_reaches_a_real_smtp_server_with_a_text_and_an_html_part()
    {
        var port = FreeTcpPort();
        using var server = SimpleSmtpServer.Start(port);
        var channel = Channel("smtp", new { host = "127.0.0.1", port, security = "none", from = "planekeeper@example.com", to = new[] { "ops@example.com", "dev@example.com" } });
        var result = await SendAsync(new SmtpSender(_http), channel);

        Assert.True(result.Succeeded, result.Error);
        var mail = Assert.Single(server.ReceivedEmail);
        Assert.Equal("[HIGH] k8s prod: github.com/kubernetes/kubernetes 2 behind", mail.Subject);
        Assert.Equal(["ops@example.com", "dev@example.com"], mail.ToAddresses.Select(a => a.Address));
        Assert.Contains(mail.MessageParts, part => part.HeaderData.Contains("text/plain") && part.BodyData.Contains("github.com/kubernetes/kubernetes"));
        Assert.Contains(mail.MessageParts, part => part.HeaderData.Contains("text/html") && part.BodyData.Contains("<a href="));
    }

    [Fact]
    public async Task Without_a_security_setting_a_mail_is_only_sent_over_STARTTLS()
    {
        var port = FreeTcpPort();
        using var server = SimpleSmtpServer.Start(port);
        var channel = Channel("smtp", new { host = "127.0.0.1", port, from = "planekeeper@example.com", to = new[] { "ops@example.com" } });
        var result = await SendAsync(new SmtpSender(_http), channel);

        Assert.Equal(DeliveryFailureKind.Permanent, result.Failure);
        Assert.Contains("does not offer STARTTLS", result.Error);
        Assert.Empty(server.ReceivedEmail);
    }

    [Theory]
    [InlineData(200, DeliveryFailureKind.None)]
    [InlineData(202, DeliveryFailureKind.None)]
    [InlineData(400, DeliveryFailureKind.Permanent)]
    [InlineData(404, DeliveryFailureKind.Permanent)]
    [InlineData(301, DeliveryFailureKind.Permanent)]
    [InlineData(408, DeliveryFailureKind.Retryable)]
    [InlineData(429, DeliveryFailureKind.Retryable)]
    [InlineData(500, DeliveryFailureKind.Retryable)]
    [InlineData(503, DeliveryFailureKind.Retryable)]
    public async Task Answers_are_classified_for_the_retry_decision(int status, DeliveryFailureKind expected)
    {
        _receiver.AnswerNext(status, status == 429 ? "120" : null);
        var result = await SendAsync(new WebhookSender(_http, TimeProvider.System), Channel("webhook", new { url = _receiver.Url.ToString() }));
        Assert.Equal((expected, (int?)status), (result.Failure, result.StatusCode));
        Assert.Equal(status == 429 ? TimeSpan.FromSeconds(120) : null, result.RetryAfter);
    }

    [Fact]
    public async Task A_retry_after_date_is_read_against_the_silos_clock()
    {
        var now = new DateTimeOffset(2031, 3, 4, 5, 6, 0, TimeSpan.Zero);
        using var http = new NotificationHttp(new NotificationNetworkSettings(AllowPrivateUrls: true), clock: new FakeTimeProvider(now));
        _receiver.AnswerNext(503, now.AddSeconds(90).ToString("R"));

        var result = await SendAsync(new WebhookSender(http, TimeProvider.System), Channel("webhook", new { url = _receiver.Url.ToString() }));

        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
    }

    [Fact]
    public async Task A_receiver_that_is_down_is_retried()
    {
        await _receiver.StopAsync();
        var result = await SendAsync(new WebhookSender(_http, TimeProvider.System), Channel("webhook", new { url = _receiver.Url.ToString() }));
        Assert.Equal((DeliveryFailureKind.Retryable, (int?)null), (result.Failure, result.StatusCode));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/")]
    [InlineData("http://10.0.0.1:{port}/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:{port}/")]
    [InlineData("http://localhost:{port}/")]
    public async Task Without_the_flag_private_addresses_are_blocked_before_any_request(string url)
    {
        using var guarded = new NotificationHttp(new NotificationNetworkSettings(AllowPrivateUrls: false));
        var channel = Channel("webhook", new { url = url.Replace("{port}", _receiver.Port.ToString()) });
        var result = await SendAsync(new WebhookSender(guarded, TimeProvider.System), channel);
        Assert.Equal(DeliveryFailureKind.BlockedAddress, result.Failure);
        Assert.StartsWith("blocked_address: ", result.Error);
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task Without_the_flag_a_mail_server_on_a_private_address_is_blocked_too()
    {
        using var guarded = new NotificationHttp(new NotificationNetworkSettings(AllowPrivateUrls: false));
        var channel = Channel("smtp", new { host = "localhost", port = 25, from = "a@example.com", to = new[] { "b@example.com" } });
        Assert.Equal(DeliveryFailureKind.BlockedAddress, (await SendAsync(new SmtpSender(guarded), channel)).Failure);
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
