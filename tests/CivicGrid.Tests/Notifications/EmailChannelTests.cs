using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Notifications.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicGrid.Tests.Notifications;

/// <summary>E-mail through SMTP, to a small mail server the test runs in place of the real one.</summary>
public sealed class EmailChannelTests
{
    private static ServiceProvider Channel(int port) => NotificationParts.Build(new()
    {
        ["Notifications:Email:Host"] = "127.0.0.1",
        ["Notifications:Email:Port"] = port.ToString(),
        ["Notifications:Email:Security"] = "None",
        ["Notifications:Email:FromAddress"] = "notify@civicgrid.example",
        ["Notifications:Email:FromName"] = "网格治理",
        ["Notifications:Email:Timeout"] = "00:00:05",
    });

    private static INotificationChannel EmailOf(ServiceProvider services) =>
        services.GetServices<INotificationChannel>().Single(c => c.Channel == NotificationChannel.Email);

    [Theory]
    [InlineData("zh-CN", "【新待办】E20261123-0001", "路灯不亮", "11月24日 17:00")]
    [InlineData("en", "New to-do: E20261123-0001", "Street light out", "24 Nov 17:00")]
    public async Task The_mail_server_receives_the_notice_in_the_recipients_language(string language, string subject, string category, string deadline)
    {
        await using var smtp = new SmtpStandIn();
        await using var services = Channel(smtp.Port);

        var result = await EmailOf(services).SendAsync(new OutgoingMessage("mail-7-3", Guid.NewGuid(), "chen@example.org", language, [NotificationParts.Notice()]), default);

        Assert.True(result.Succeeded, result.Error);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal("notify@civicgrid.example", mail.From);
        Assert.Equal(["chen@example.org"], mail.To);
        Assert.Equal("网格治理", mail.Message.From.Mailboxes.Single().Name);
        Assert.StartsWith(subject, mail.Message.Subject);
        Assert.Contains(category, mail.Message.TextBody);
        Assert.Contains(deadline, mail.Message.TextBody);
        Assert.Contains("毅阳社区幸福路12号", mail.Message.TextBody);
        Assert.Contains("http://localhost:5000/Events/Detail/7", mail.Message.TextBody);
        Assert.Equal("mail-7-3@civicgrid.example", mail.Message.MessageId);
        Assert.Equal(mail.Message.MessageId, result.ProviderMessageId);
    }

    [Fact]
    public async Task An_unreachable_mail_server_is_transient()
    {
        int port;
        await using (var gone = new SmtpStandIn())
        {
            port = gone.Port;
        }

        await using var services = Channel(port);

        var result = await EmailOf(services).SendAsync(new OutgoingMessage("mail-7-3", Guid.NewGuid(), "chen@example.org", "zh-CN", [NotificationParts.Notice()]), default);

        Assert.False(result.Succeeded);
        Assert.False(result.Permanent);
    }

    [Fact]
    public async Task Without_a_mail_server_e_mail_is_refused_plainly_and_not_offered()
    {
        await using var services = NotificationParts.Build();

        var result = await EmailOf(services).SendAsync(new OutgoingMessage("mail-7-3", Guid.NewGuid(), "chen@example.org", "zh-CN", [NotificationParts.Notice()]), default);

        Assert.True(result.Permanent);
        Assert.Contains("Notifications:Email:Host", result.Error);
        Assert.False(services.GetRequiredService<IOptions<EmailOptions>>().Value.IsConfigured);
    }

    [Fact]
    public void A_mail_server_without_a_sender_address_is_a_settings_error()
    {
        using var services = NotificationParts.Build(new() { ["Notifications:Email:Host"] = "smtp.example.org" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains("FromAddress", error.Message);
    }
}
