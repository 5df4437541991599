using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents;

/// <summary>A resident who signed in to report hears of its milestones by SMS, through the same outbox as staff.</summary>
public sealed class ResidentProgressTests : AppTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task A_signed_in_resident_hears_by_sms_when_the_report_is_sent_to_an_office_and_when_it_is_closed()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var number = (await resident.ResidentReportAsync(ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3)))).Number;
        var id = await App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());

        await ActAsync("qiumeiling", id, EventAction.Escalate, "劝说无果");
        await ActAsync("chenliting", id, EventAction.Escalate, "请街道协调");
        await ActAsync("wangjun", id, EventAction.Dispatch, "请城管办处理", await UnitAsync("蓝田街道城管办"));
        await App.DeliverAsync();

        var sms = Assert.Single(App.Sink().Messages, m => m.Phone == Phone && m.Template == "ResidentProgress");
        Assert.Contains(number, sms.Text);
        Assert.DoesNotContain("王军", sms.Text);

        await ActAsync("liuqiang", id, EventAction.SignFor);
        await ActAsync("liuqiang", id, EventAction.Feedback, "已拆除");
        await ActAsync("wangjun", id, EventAction.Verify);
        await App.DeliverAsync();

        Assert.Equal(2, App.Sink().Messages.Count(m => m.Phone == Phone && m.Template == "ResidentProgress"));
    }

    [Fact]
    public async Task A_number_left_with_an_anonymous_report_is_for_the_callback_and_gets_no_messages()
    {
        var number = (await App.CreateClient().ResidentReportAsync(ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3), contactPhone: Phone))).Number;
        var id = await App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());

        await ActAsync("qiumeiling", id, EventAction.Accept);
        await ActAsync("qiumeiling", id, EventAction.Close, "已处理");
        await App.DeliverAsync();

        Assert.DoesNotContain(App.Sink().Messages, m => m.Phone == Phone);
    }
}
