using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Planekeeper.Grains.Notifications.Senders;

/// <summary>
/// Mail through MailKit: a text and an HTML part. The connection is opened through the address guard (the socket
/// is handed to MailKit), 10 s for the whole exchange. Without a <c>security</c> setting the connection is upgraded
/// with STARTTLS, and a server that does not offer it is a permanent failure. 4xx replies and network errors are retried, 5xx are final.
/// </summary>
public sealed class SmtpSender(NotificationHttp network) : IChannelSender
{
    public string Type => ChannelTypes.Smtp;

    public async Task<DeliveryAttemptResult> SendAsync(ChannelDefinition channel, AlertNotice notice, RenderedMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NotificationHttp.Timeout);
        var host = (string)channel.Config["host"]!;
        var port = (int)channel.Config["port"]!;
        try
        {
            using var client = new SmtpClient { Timeout = (int)NotificationHttp.Timeout.TotalMilliseconds };
            var socket = await network.ConnectSocketAsync(host, port, timeout.Token);
            await client.ConnectAsync(socket, host, port, Security((string?)channel.Config["security"]), timeout.Token);
            if ((string?)channel.Config["username"] is { Length: > 0 } username)
            {
                await client.AuthenticateAsync(username, channel.Secrets.GetValueOrDefault("password") ?? "", timeout.Token);
            }

            var reply = await client.SendAsync(Mail(channel, message), timeout.Token);
            await client.DisconnectAsync(true, timeout.Token);
            return new DeliveryAttemptResult(DeliveryFailureKind.None, null, null, reply);
        }
        catch (BlockedAddressException blocked)
        {
            return new DeliveryAttemptResult(DeliveryFailureKind.BlockedAddress, null, blocked.Message, null);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            return new DeliveryAttemptResult(code >= 500 ? DeliveryFailureKind.Permanent : DeliveryFailureKind.Retryable, code, $"the mail server answered {code}: {e.Message}", null);
        }
        catch (NotSupportedException)
        {
            // MailKit's answer when the server does not offer STARTTLS: the mail would go in plain text.
            return new DeliveryAttemptResult(DeliveryFailureKind.Permanent, null, $"the mail server at {host}:{port} does not offer STARTTLS (set security to none to send without encryption)", null);
        }
        catch (AuthenticationException e)
        {
            return new DeliveryAttemptResult(DeliveryFailureKind.Permanent, null, $"the mail server refused the credentials: {e.Message}", null);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or ProtocolException or SslHandshakeException)
        {
            return new DeliveryAttemptResult(DeliveryFailureKind.Retryable, null, $"could not deliver to {host}:{port}: {e.Message}", null);
        }
    }

    private static MimeMessage Mail(ChannelDefinition channel, RenderedMessage message)
    {
        var mail = new MimeMessage { Subject = message.Subject };
        mail.From.Add(MailboxAddress.Parse((string)channel.Config["from"]!));
        foreach (var to in channel.Config["to"]!.AsArray())
        {
            mail.To.Add(MailboxAddress.Parse((string)to!));
        }

        mail.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mail;
    }

    private static SecureSocketOptions Security(string? security) => security switch
    {
        "tls" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
