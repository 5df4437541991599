using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.Texts;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Notifications;

/// <summary>SMS and e-mail texts: every staff kind in both languages says what, where and by when, and an SMS never takes more than two parts.</summary>
public sealed class NotificationTextTests : IDisposable
{
    private readonly ServiceProvider _services = NotificationParts.Build();

    private NotificationTemplates Templates => _services.GetRequiredService<NotificationTemplates>();

    public static TheoryData<NotificationKind, string> KindsAndLanguages()
    {
        var data = new TheoryData<NotificationKind, string>();
        foreach (var kind in Enum.GetValues<NotificationKind>().Where(k => k is not (NotificationKind.ResidentProgress or NotificationKind.ResidentNotice)))
        {
            data.Add(kind, "zh-CN");
            data.Add(kind, "en");
        }

        return data;
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_resident_is_told_the_number_category_and_place_and_where_to_look_never_a_staff_deadline(string language)
    {
        var sms = await Templates.SmsAsync([NotificationParts.Notice(NotificationKind.ResidentProgress)], language, default);

        Assert.Contains("E20261123-0001", sms.Text);
        Assert.Contains(language == "en" ? NotificationParts.StreetLightEn : NotificationParts.StreetLightPlain, sms.Text);
        Assert.Contains("毅阳社区幸福路12号", sms.Text);
        Assert.Contains(language == "en" ? "My reports" : "我的反映", sms.Text);
        Assert.DoesNotContain(language == "en" ? "24 Nov" : "11月24日", sms.Text);
        Assert.True(SmsLength.Of(sms.Text).Fits, sms.Text);
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public async Task Every_kind_says_number_plain_category_place_and_deadline_in_the_recipients_language(NotificationKind kind, string language)
    {
        var sms = await Templates.SmsAsync([NotificationParts.Notice(kind)], language, default);

        Assert.Contains("E20261123-0001", sms.Text);
        Assert.Contains(language == "en" ? NotificationParts.StreetLightEn : NotificationParts.StreetLightPlain, sms.Text);
        Assert.Contains("毅阳社区幸福路12号", sms.Text);
        Assert.Contains(language == "en" ? "24 Nov 17:00" : "11月24日 17:00", sms.Text);
        Assert.StartsWith(language == "en" ? "[CivicGrid]" : "【网格治理】", sms.Text);
        Assert.Equal(kind.ToString(), sms.Template);
        Assert.Equal("E20261123-0001", sms.Parameters["number"]);
        Assert.Equal("毅阳社区幸福路12号", sms.Parameters["place"]);
        Assert.Equal("1", sms.Parameters["count"]);
        Assert.True(SmsLength.Of(sms.Text).Fits, sms.Text);

        var mail = await Templates.EmailAsync([NotificationParts.Notice(kind)], language, default);
        Assert.Contains("E20261123-0001", mail.Subject);
        Assert.Contains("幸福路路灯不亮", mail.Body);
        Assert.Contains(language == "en" ? NotificationParts.StreetLightEn : NotificationParts.StreetLightPlain, mail.Body);
        Assert.Contains(language == "en" ? "24 Nov 17:00" : "11月24日 17:00", mail.Body);
        Assert.Contains("http://localhost:5000/Events/Detail/7", mail.Body);
    }

    [Fact]
    public async Task The_language_is_the_recipients_not_the_threads()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        var sms = await Templates.SmsAsync([NotificationParts.Notice()], "zh-CN", default);
        Assert.Contains("新待办", sms.Text);
    }

    [Fact]
    public async Task No_deadline_is_said_plainly()
    {
        var notice = NotificationParts.Notice();
        notice.Deadline = null;
        Assert.Contains("无期限", (await Templates.SmsAsync([notice], "zh-CN", default)).Text);
        Assert.Contains("no deadline", (await Templates.SmsAsync([notice], "en", default)).Text);
    }

    [Fact]
    public async Task A_very_long_place_is_shortened_to_two_ucs2_parts_keeping_the_number()
    {
        var sms = await Templates.SmsAsync([NotificationParts.Notice(place: string.Concat(Enumerable.Repeat("福永街道凤凰社区兴围村", 20)))], "zh-CN", default);

        var length = SmsLength.Of(sms.Text);
        Assert.True(length.Unicode);
        Assert.True(length.Units <= 134, $"{length.Units}: {sms.Text}");
        Assert.Contains("E20261123-0001", sms.Text);
        Assert.Contains("…", sms.Text);
        Assert.Contains("11月24日 17:00", sms.Text);
    }

    [Fact]
    public async Task A_very_long_place_in_an_english_text_stays_gsm7_within_two_parts()
    {
        var sms = await Templates.SmsAsync([NotificationParts.Notice(place: string.Concat(Enumerable.Repeat("No. 12 Xingfu Road, Yiyang Community, ", 20)))], "en", default);

        var length = SmsLength.Of(sms.Text);
        Assert.False(length.Unicode, sms.Text);
        Assert.True(length.Units <= 306, $"{length.Units}: {sms.Text}");
        Assert.Contains("E20261123-0001", sms.Text);
        Assert.Contains("...", sms.Text);
        Assert.Contains("24 Nov 17:00", sms.Text);
    }

    [Theory]
    [InlineData("zh-CN", "您有5条新通知")]
    [InlineData("en", "5 new notices")]
    public async Task A_digest_of_five_says_how_many_and_lists_them(string language, string head)
    {
        var notices = Enumerable.Range(1, 5).Select(i => NotificationParts.Notice(number: $"E20261123-000{i}")).ToList();

        var sms = await Templates.SmsAsync(notices, language, default);

        Assert.Equal(NotificationTemplates.Digest, sms.Template);
        Assert.Equal("5", sms.Parameters["count"]);
        Assert.Contains(head, sms.Text);
        Assert.All(notices, n => Assert.Contains(n.EventNumber, sms.Text));
        Assert.Contains(language == "en" ? NotificationParts.StreetLightEn : NotificationParts.StreetLightPlain, sms.Text);
        Assert.True(SmsLength.Of(sms.Text).Fits, sms.Text);

        var mail = await Templates.EmailAsync(notices, language, default);
        Assert.Contains("5", mail.Subject);
        Assert.All(notices, n => Assert.Contains(n.EventNumber, mail.Body));
    }

    [Fact]
    public async Task A_digest_too_long_for_two_parts_lists_what_fits_and_says_there_is_more()
    {
        var notices = Enumerable.Range(1, 30).Select(i => NotificationParts.Notice(number: $"E20261123-{i:D4}")).ToList();

        var sms = await Templates.SmsAsync(notices, "zh-CN", default);

        Assert.True(SmsLength.Of(sms.Text).Fits, sms.Text);
        Assert.Contains("您有30条新通知", sms.Text);
        Assert.Contains("E20261123-0001", sms.Text);
        Assert.DoesNotContain("E20261123-0030", sms.Text);
        Assert.EndsWith("等", sms.Text);
    }

    public void Dispose() => _services.Dispose();
}
