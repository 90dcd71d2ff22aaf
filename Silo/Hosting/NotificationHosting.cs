using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Planekeeper.Configuration;
using Planekeeper.Grains.Alerts.Evaluation;
using Planekeeper.Grains.Notifications;
using Planekeeper.Grains.Notifications.Channels;
using Planekeeper.Grains.Notifications.Delivery;
using Planekeeper.Grains.Notifications.Protection;
using Planekeeper.Grains.Notifications.Routing;
using Planekeeper.Grains.Notifications.Senders;
using Planekeeper.Grains.Notifications.Templates;
using Planekeeper.Grains.Settings;

namespace Planekeeper.Silo.Hosting;

/// <summary>
/// Notifications in the silo: the Data Protection key ring in PostgreSQL (every silo reads the same keys; encrypted
/// with the <see cref="KeyRingCertificate"/> when one is configured), the router that turns alert events into
/// deliveries, the senders, and the stores the notification grains use.
/// </summary>
public static class NotificationHosting
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<PostgresXmlRepository>();
        var dataProtection = services.AddDataProtection().SetApplicationName("planekeeper");
        if (KeyRingCertificate.Load(configuration, environment) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = provider.GetRequiredService<PostgresXmlRepository>()));
        services.AddSingleton(NotificationSettingsReader.Read(configuration));
        services.AddSingleton(new NotificationNetworkSettings(BooleanSetting.Read(configuration, "NOTIFICATION_ALLOW_PRIVATE_URLS")));
        services.AddSingleton<NotificationHttp>();
        foreach (var sender in ChannelSenders.Types)
        {
            services.AddSingleton(typeof(IChannelSender), sender);
        }

        services.AddSingleton<ChannelSenderSet>();
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<AckTokens>();
        services.AddSingleton<ChannelStore>();
        services.AddSingleton<ChannelDefinitions>();
        services.AddSingleton<ChannelRequestValidator>();
        services.AddSingleton<NotificationRuleStore>();
        services.AddSingleton<NotificationRuleValidator>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<DeliveryQueries>();
        services.AddSingleton<NoticeBuilder>();
        services.AddSingleton<TemplateResolver>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<IAlertEventRouter, NotificationRouter>();
        return services;
    }
}
