using Planekeeper.Tests.Integration.Notifications.Support;
using Planekeeper.Tests.Integration.Tasks;

namespace Planekeeper.Tests.Integration.Notifications;

/// <summary>A system whose silo has every proxy variable pointing at a listener that records what reaches it.</summary>
public sealed class ProxiedNotificationSystem : NotificationSystem
{
    public ReceiverStandIn Proxy { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Proxy = await ReceiverStandIn.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Proxy.DisposeAsync();
    }

    protected override IReadOnlyDictionary<string, string> NotificationSettings => new Dictionary<string, string>(base.NotificationSettings)
    {
        ["HTTP_PROXY"] = Proxy.Url.ToString(),
        ["HTTPS_PROXY"] = Proxy.Url.ToString(),
        ["ALL_PROXY"] = Proxy.Url.ToString(),
        ["http_proxy"] = Proxy.Url.ToString(),
        ["NO_PROXY"] = "",
        ["no_proxy"] = "",
    };
}

/// <summary>
/// Deliveries ignore proxy variables (docs/security.md): through a proxy the address guard would check the proxy, and
/// the proxy would reach whatever the channel names.
/// </summary>
public class NotificationProxyTests(ProxiedNotificationSystem system) : IClassFixture<ProxiedNotificationSystem>
{
    [Fact]
    public async Task A_test_send_goes_to_the_receiver_itself_and_never_to_the_proxy()
    {
        var (owner, _) = await system.OrganizationAsync("proxied");
        await using var receiver = await ReceiverStandIn.StartAsync();
        var channel = await owner.CreateChannelAsync("webhook", new { url = $"http://localhost:{receiver.Port}/hook" });

        var test = await owner.OkAsync(HttpMethod.Post, $"/api/v1/notification-channels/{channel}/test");

        Assert.True(test.GetProperty("succeeded").GetBoolean(), test.ToString());
        Assert.Equal("/hook", Assert.Single(receiver.Requests).Path);
        Assert.Empty(system.Proxy.Requests);
    }
}
