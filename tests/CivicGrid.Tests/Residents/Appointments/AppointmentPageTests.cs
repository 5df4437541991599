using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Residents.Appointments;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Appointments;

/// <summary>The representative's page and the residents' phone page for appointments.</summary>
public sealed class AppointmentPageTests : AppTest
{
    private const string StaffPage = "/Residents/Appointments";
    private const string ResidentPage = "/r/appointments";

    [Fact]
    public async Task A_representative_publishes_by_form_and_a_resident_books_it_on_the_phone()
    {
        var chen = await App.SignInToPagesAsync("chenliting");
        var page = await (await chen.GetAsync(StaffPage)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"nav-appointments\"", page);
        var tomorrow = App.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var beijing = TimeZoneInfo.ConvertTimeFromUtc(tomorrow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        var published = await chen.PostFormAsync(StaffPage, $"{StaffPage}?handler=Publish", new()
        {
            ["startsAt"] = beijing.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["minutes"] = "60",
            ["place"] = "毅阳社区党群服务中心",
            ["unitId"] = (await UnitAsync("毅阳社区")).ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var slot = await App.QueryAsync(db => db.AppointmentSlots.SingleAsync());
        Assert.Equal(TimeSpan.FromHours(1), slot.EndsAt - slot.StartsAt);

        var resident = await App.SignInResidentToPagesAsync("13800138001");
        var phone = await (await resident.GetAsync(ResidentPage)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("毅阳社区党群服务中心", phone);
        var booked = await resident.PostFormAsync(ResidentPage, $"{ResidentPage}?handler=Book", new()
        {
            ["slotId"] = slot.Id.ToString(CultureInfo.InvariantCulture),
            ["topic"] = "小区电梯老化，希望加装",
        });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);

        var after = await (await chen.GetAsync(StaffPage)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("138****8001", after);
        Assert.Contains("小区电梯老化，希望加装", after);
        Assert.DoesNotContain("13800138001", after);
    }

    [Fact]
    public async Task A_slot_someone_else_booked_is_refused_on_the_phone_with_a_reason()
    {
        var chen = await App.SignInAsync("chenliting");
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var slot = await (await chen.PostAsJsonAsync("/api/v1/appointments/slots",
            new { startsAt = now.AddDays(1), endsAt = now.AddDays(1).AddHours(1), place = "社区活动室", unitId = await UnitAsync("毅阳社区") })).ShouldBe<MySlot>(HttpStatusCode.Created);
        var first = await App.SignInResidentToPagesAsync("13800138001");
        var second = await App.SignInResidentToPagesAsync("13900139002");
        var form = await (await second.GetAsync(ResidentPage)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"book\"", form);
        var fields = new Dictionary<string, string> { ["slotId"] = slot.Id.ToString(CultureInfo.InvariantCulture), ["topic"] = "停车难" };
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(ResidentPage, $"{ResidentPage}?handler=Book", new(fields))).StatusCode);

        var refused = await (await second.PostFormAsync(ResidentPage, $"{ResidentPage}?handler=Book", new(fields))).ShouldBePage(HttpStatusCode.Conflict);

        Assert.Contains("data-testid=\"form-errors\"", refused);
        Assert.Contains("已被预约", refused);
        Assert.Equal(1, await App.QueryAsync(db => db.Appointments.CountAsync()));
    }
}
