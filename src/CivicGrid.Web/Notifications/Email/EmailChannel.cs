using System.Net.Sockets;
using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Notifications.Texts;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CivicGrid.Web.Notifications.Email;

/// <summary>
/// E-mail through the configured SMTP server, one connection per message (notices are few).
/// The Message-Id is made from the message key, so a resend after a lost answer is the same mail.
/// </summary>
public sealed class EmailChannel(NotificationTemplates templates, IOptions<EmailOptions> options) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return ChannelResult.Rejected($"E-mail is not configured ({EmailOptions.Section}:Host is empty).");
        }

        if (!MailboxAddress.TryParse(message.Address, out var to))
        {
            return ChannelResult.Rejected($"Not an e-mail address: \"{message.Address}\".");
        }

        var text = await templates.EmailAsync(message.Notifications, message.Language, ct);
        var from = new MailboxAddress(o.FromName, o.FromAddress!);
        var mail = new MimeMessage([from], [to], text.Subject, new TextPart("plain") { Text = text.Body })
        {
            MessageId = MessageIdOf(message.Key, from.Domain),
        };

        try
        {
            using var smtp = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
            await smtp.ConnectAsync(o.Host, o.Port, o.Security switch
            {
                EmailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                EmailSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.None,
            }, ct);
            if (!string.IsNullOrEmpty(o.User))
            {
                await smtp.AuthenticateAsync(o.User, o.Password ?? "", ct);
            }

            await smtp.SendAsync(mail, ct);
            await smtp.DisconnectAsync(quit: true, ct);
            return ChannelResult.Sent(mail.MessageId);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            return ChannelResult.Rejected($"SMTP {(int)e.StatusCode}: {e.Message}");
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or TimeoutException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return ChannelResult.Transient($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Keys may hold characters a Message-Id may not; letters, digits, '.', '-' and '_' stay.</summary>
    public static string MessageIdOf(string key, string domain) =>
        $"{new string([.. key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')])}@{domain}";
}
