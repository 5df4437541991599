using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Residents.Appointments;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Appointments;

/// <summary>预约党代表: representatives publish slots, residents book and cancel, the representative records the meeting and turns it into an event.</summary>
public sealed class AppointmentTests : AppTest
{
    private const string Resident = "13800138001";
    private const string Neighbour = "13900139002";

    private DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    private async Task<HttpResponseMessage> TryPublishAsync(HttpClient staff, DateTime startsAt, DateTime endsAt, string place = "毅阳社区党群服务中心", int? unitId = null) =>
        await staff.PostAsJsonAsync("/api/v1/appointments/slots", new { startsAt, endsAt, place, unitId = unitId ?? await UnitAsync("毅阳社区") });

    private async Task<MySlot> PublishAsync(HttpClient staff, int hoursFromNow = 24) =>
        await (await TryPublishAsync(staff, Now.AddHours(hoursFromNow), Now.AddHours(hoursFromNow + 1))).ShouldBe<MySlot>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> TryBookAsync(HttpClient resident, long slotId, string topic = "小区电梯老化，希望加装") =>
        resident.PostAsJsonAsync("/api/v1/resident/appointments", new { slotId, topic });

    private static async Task<IReadOnlyList<FreeSlot>> FreeAsync(HttpClient resident) =>
        await (await resident.GetAsync("/api/v1/resident/appointments/slots")).ShouldBe<List<FreeSlot>>(HttpStatusCode.OK);

    private Task<int> ActiveBookingsAsync() => App.QueryAsync(db => db.Appointments.CountAsync(a => a.CancelledAt == null));

    [Fact]
    public async Task A_representative_publishes_a_slot_a_resident_books_it_cancels_and_books_again()
    {
        var chen = await App.SignInAsync("chenliting");
        var slot = await PublishAsync(chen);
        var resident = await App.SignInResidentAsync(Resident);

        var free = Assert.Single(await FreeAsync(resident));
        Assert.Equal(slot.Id, free.Id);
        Assert.Equal("毅阳社区", free.ServesUnitName);
        Assert.False(string.IsNullOrEmpty(free.RepresentativeName));

        var booked = await (await TryBookAsync(resident, slot.Id)).ShouldBe<MyAppointment>(HttpStatusCode.Created);
        Assert.Empty(await FreeAsync(resident));
        var seen = await (await chen.GetAsync($"/api/v1/appointments/slots/{slot.Id}")).ShouldBe<MySlot>(HttpStatusCode.OK);
        Assert.Equal("138****8001", seen.Booking!.MaskedPhone);
        Assert.Equal("小区电梯老化，希望加装", seen.Booking.Topic);
        Assert.False(seen.MayRemove);

        await (await resident.PostAsync($"/api/v1/resident/appointments/{booked.Id}/cancel", null)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Single(await FreeAsync(resident));
        await (await TryBookAsync(resident, slot.Id, "楼道堆物")).ShouldBe(HttpStatusCode.Created);

        var mine = await (await resident.GetAsync("/api/v1/resident/appointments")).ShouldBe<List<MyAppointment>>(HttpStatusCode.OK);
        Assert.Equal(2, mine.Count);
        Assert.Single(mine, a => a.CancelledAt is null && a.MayCancel);
    }

    [Fact]
    public async Task A_booked_slot_is_refused_to_the_next_resident_and_to_the_same_one()
    {
        var slot = await PublishAsync(await App.SignInAsync("chenliting"));
        var first = await App.SignInResidentAsync(Resident);
        var second = await App.SignInResidentAsync(Neighbour);
        await (await TryBookAsync(first, slot.Id)).ShouldBe(HttpStatusCode.Created);

        var refused = await (await TryBookAsync(second, slot.Id)).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Contains("已被预约", refused.GetProperty("detail").GetString());
        await (await TryBookAsync(first, slot.Id)).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(1, await ActiveBookingsAsync());
    }

    [Fact]
    public async Task Two_residents_booking_the_same_slot_at_the_same_moment_get_exactly_one_booking()
    {
        var slot = await PublishAsync(await App.SignInAsync("chenliting"));
        var first = await App.SignInResidentAsync(Resident);
        var second = await App.SignInResidentAsync(Neighbour);

        var answers = await Task.WhenAll(TryBookAsync(first, slot.Id), TryBookAsync(second, slot.Id));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(1, await ActiveBookingsAsync());
    }

    [Fact]
    public async Task The_database_refuses_a_second_active_booking_of_a_slot()
    {
        var slot = await PublishAsync(await App.SignInAsync("chenliting"));
        await (await TryBookAsync(await App.SignInResidentAsync(Resident), slot.Id)).ShouldBe(HttpStatusCode.Created);
        var booker = await App.QueryAsync(db => db.Residents.Where(r => r.Phone == Resident).Select(r => r.Id).SingleAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => App.QueryAsync(async db =>
        {
            db.Appointments.Add(new Appointment { SlotId = slot.Id, ResidentId = booker, Topic = "绕过检查", BookedAt = Now });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_slot_that_has_begun_or_was_withdrawn_cannot_be_booked()
    {
        var chen = await App.SignInAsync("chenliting");
        var soon = await PublishAsync(chen, hoursFromNow: 1);
        var withdrawn = await PublishAsync(chen, hoursFromNow: 48);
        await (await chen.DeleteAsync($"/api/v1/appointments/slots/{withdrawn.Id}")).ShouldBe(HttpStatusCode.NoContent);
        var resident = await App.SignInResidentAsync(Resident);
        App.Clock.Advance(TimeSpan.FromHours(2));

        await (await TryBookAsync(resident, soon.Id)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await TryBookAsync(resident, withdrawn.Id)).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(0, await ActiveBookingsAsync());
    }

    [Fact]
    public async Task Another_resident_cannot_cancel_my_booking()
    {
        var slot = await PublishAsync(await App.SignInAsync("chenliting"));
        var booked = await (await TryBookAsync(await App.SignInResidentAsync(Resident), slot.Id)).ShouldBe<MyAppointment>(HttpStatusCode.Created);

        var other = await App.SignInResidentAsync(Neighbour);
        await (await other.PostAsync($"/api/v1/resident/appointments/{booked.Id}/cancel", null)).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.Equal(1, await ActiveBookingsAsync());
    }

    [Fact]
    public async Task Staff_cannot_see_or_manage_someone_elses_slots()
    {
        var slot = await PublishAsync(await App.SignInAsync("chenliting"));
        var booked = await (await TryBookAsync(await App.SignInResidentAsync(Resident), slot.Id)).ShouldBe<MyAppointment>(HttpStatusCode.Created);
        var qiu = await App.SignInAsync("qiumeiling");

        await (await qiu.GetAsync($"/api/v1/appointments/slots/{slot.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await qiu.DeleteAsync($"/api/v1/appointments/slots/{slot.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await qiu.PostAsJsonAsync($"/api/v1/appointments/{booked.Id}/outcome", new { outcome = "不是我的" })).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Empty(await (await qiu.GetAsync("/api/v1/appointments/slots")).ShouldBe<List<MySlot>>(HttpStatusCode.OK));
        await (await TryPublishAsync(await App.SignInAsync("admin"), Now.AddDays(1), Now.AddDays(1).AddHours(1))).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Null(await App.QueryAsync(db => db.Appointments.Select(a => a.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task The_representative_records_what_was_raised_and_turns_it_into_an_event()
    {
        var chen = await App.SignInAsync("chenliting");
        var slot = await PublishAsync(chen);
        var booked = await (await TryBookAsync(await App.SignInResidentAsync(Resident), slot.Id)).ShouldBe<MyAppointment>(HttpStatusCode.Created);
        var spot = await SpotInGridAsync("毅阳社区", 3);

        await (await chen.PostAsJsonAsync($"/api/v1/appointments/{booked.Id}/outcome", new { outcome = "3号楼电梯经常停运，居民出行困难" })).ShouldBe(HttpStatusCode.OK);
        var linked = await (await chen.PostAsJsonAsync($"/api/v1/appointments/{booked.Id}/event",
            new { categoryId = 1, latitude = spot.Latitude, longitude = spot.Longitude, address = "毅阳小区3号楼" })).ShouldBe<MySlot>(HttpStatusCode.OK);

        var number = linked.Booking!.EventNumber;
        Assert.NotNull(number);
        var e = await App.QueryAsync(db => db.Events.SingleAsync(x => x.Number == number));
        Assert.Equal(linked.Booking.EventId, e.Id);
        Assert.Contains("3号楼电梯经常停运", e.Description);
        Assert.Equal(await App.QueryAsync(db => db.Users.Where(u => u.UserName == "chenliting").Select(u => u.Id).SingleAsync()), e.ReporterId);
        await (await chen.PostAsJsonAsync($"/api/v1/appointments/{booked.Id}/event",
            new { categoryId = 1, latitude = spot.Latitude, longitude = spot.Longitude, address = "毅阳小区3号楼" })).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(1, await App.QueryAsync(db => db.Events.CountAsync(x => x.Description.Contains("电梯"))));
    }

    [Fact]
    public async Task Turning_a_meeting_into_an_event_twice_at_the_same_moment_makes_one_event()
    {
        var chen = await App.SignInAsync("chenliting");
        var slot = await PublishAsync(chen);
        var booked = await (await TryBookAsync(await App.SignInResidentAsync(Resident), slot.Id)).ShouldBe<MyAppointment>(HttpStatusCode.Created);
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var again = await App.SignInAsync("chenliting");
        Task<HttpResponseMessage> ToEventAsync(HttpClient client) => client.PostAsJsonAsync($"/api/v1/appointments/{booked.Id}/event",
            new { categoryId = 1, latitude = spot.Latitude, longitude = spot.Longitude, address = "毅阳小区3号楼" });

        var answers = await Task.WhenAll(ToEventAsync(chen), ToEventAsync(again));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        var number = await App.QueryAsync(db => db.Appointments.Select(a => a.EventNumber).SingleAsync());
        Assert.Equal(number, await App.QueryAsync(db => db.Events.Where(x => x.Description.Contains("电梯")).Select(x => x.Number).SingleAsync()));
    }

    [Fact]
    public async Task A_slot_ending_before_it_starts_is_refused_and_nothing_is_stored()
    {
        var chen = await App.SignInAsync("chenliting");

        var problem = await (await TryPublishAsync(chen, Now.AddDays(1), Now.AddDays(1).AddHours(-1))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("endsAt", out _));
        await (await TryPublishAsync(chen, Now.AddDays(1), Now.AddDays(1).AddHours(1), unitId: await UnitAsync("蓝田街道综治中心"))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Equal(0, await App.QueryAsync(db => db.AppointmentSlots.CountAsync()));
    }

    [Fact]
    public async Task A_representative_cannot_be_in_two_slots_at_once()
    {
        var chen = await App.SignInAsync("chenliting");
        await PublishAsync(chen);

        await (await TryPublishAsync(chen, Now.AddHours(24).AddMinutes(30), Now.AddHours(26))).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await TryPublishAsync(chen, Now.AddHours(25), Now.AddHours(26))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(2, await App.QueryAsync(db => db.AppointmentSlots.CountAsync()));
    }

    [Fact]
    public async Task A_topic_too_long_is_refused_and_nothing_is_stored()
    {
        var slot = await PublishAsync(await App.SignInAsync("chenliting"));
        var resident = await App.SignInResidentAsync(Resident);

        var problem = await (await TryBookAsync(resident, slot.Id, new string('长', AppointmentConfiguration.TopicMaxLength + 1))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("topic", out _));
        Assert.Equal(0, await App.QueryAsync(db => db.Appointments.CountAsync()));
    }
}
