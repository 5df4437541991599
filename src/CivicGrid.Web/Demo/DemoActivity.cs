using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using CivicGrid.Web.Residents.Appointments;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Residents.Suggestions;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Demo;

/// <summary>
/// A few residents' doings in the demo district, so the residents' side does not open empty: a
/// closed report waiting for 蓝田街道综治中心's callback (王军), 陈立婷's reception hours in the
/// coming days with one booked, and two suggestions to 蓝田街道, one answered. The report goes
/// through the workflow as it would in use; the rest are written as the pages would leave them.
/// </summary>
public sealed class DemoActivity(CivicGridDb db, EventReporting reporting, EventTransitions transitions, TimeProvider clock)
{
    public const string FirstResidentPhone = "13905961001";
    public const string SecondResidentPhone = "13905961002";

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var first = new Resident { Id = Guid.NewGuid(), Phone = FirstResidentPhone, CreatedAt = now, LastSignInAt = now };
        var second = new Resident { Id = Guid.NewGuid(), Phone = SecondResidentPhone, CreatedAt = now, LastSignInAt = now };
        db.Residents.AddRange(first, second);
        await db.SaveChangesAsync(ct);

        await ClosedReportDueForCallbackAsync(first, now, ct);
        await ReceptionHoursAsync(second, now, ct);
        await SuggestionsAsync(first, second, now, ct);
    }

    private async Task ClosedReportDueForCallbackAsync(Resident resident, DateTime now, CancellationToken ct)
    {
        var grid = await db.OrgUnits.SingleAsync(u => u.Kind == OrgUnitKind.Grid && u.Name == "第3网格" && u.Parent!.Name == "毅阳社区", ct);
        var building = await db.Buildings.Where(b => b.GridId == grid.Id).OrderBy(b => b.Id).FirstAsync(ct);
        var category = await db.Categories.Where(c => c.Code == "G0501").Select(c => c.Id).SingleAsync(ct);
        var report = new ReportRequest(
            "绿地被私搭停车棚占用",
            $"{building.Name}楼下的公共绿地被人用铁皮搭了停车棚，草坪都被压坏了。",
            category, null, building.Latitude, building.Longitude, building.Address, null);
        var e = await reporting.ReportByResidentAsync(report, [], new ResidentReporter(resident.Id, resident.PublicName, resident.Id, resident.Phone, false), ct);

        var worker = await CallerAsync("qiumeiling", ct);
        e = await transitions.ApplyAsync(e.Id, EventAction.Accept, new TransitionRequest(e.Version), worker, ct);
        e = await transitions.ApplyAsync(e.Id, EventAction.Close, new TransitionRequest(e.Version, "已联系车棚搭建户自行拆除，绿地已补种草皮。"), worker, ct);

        // The sample picks a share of closed reports; the demo wants this one on 王军's list whatever it draws.
        if (!await db.Callbacks.AnyAsync(c => c.EventId == e.Id, ct))
        {
            db.Callbacks.Add(new Callback { EventId = e.Id, SampledAt = now, Status = CallbackStatus.Due });
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task ReceptionHoursAsync(Resident resident, DateTime now, CancellationToken ct)
    {
        var chen = await db.Users.SingleAsync(u => u.UserName == "chenliting", ct);
        var community = await db.OrgUnits.SingleAsync(u => u.Id == chen.UnitId, ct);
        var today = LocalTime.DayOf(now);
        AppointmentSlot Slot(int days, int hour) => new()
        {
            RepresentativeId = chen.Id,
            RepresentativeName = chen.DisplayName,
            RepresentativeUnitId = community.Id,
            RepresentativeUnitName = community.Name,
            ServesUnitId = community.Id,
            ServesUnitName = community.Name,
            ServesUnitPath = community.Path,
            Place = "毅阳社区党群服务中心二楼代表联络站",
            StartsAt = LocalTime.StartOfDayUtc(today.AddDays(days)).AddHours(hour),
            EndsAt = LocalTime.StartOfDayUtc(today.AddDays(days)).AddHours(hour + 1),
            CreatedAt = now,
        };

        var booked = Slot(1, 9);
        db.AppointmentSlots.AddRange(booked, Slot(1, 15), Slot(3, 9), Slot(3, 15));
        booked.Appointments.Add(new Appointment { ResidentId = resident.Id, Topic = "小区电梯老化，想了解加装电梯的补助政策和申请流程", BookedAt = now });
        await db.SaveChangesAsync(ct);
    }

    private async Task SuggestionsAsync(Resident first, Resident second, DateTime now, CancellationToken ct)
    {
        var street = await db.OrgUnits.SingleAsync(u => u.Kind == OrgUnitKind.Street && u.Name == "蓝田街道", ct);
        var wang = await db.Users.SingleAsync(u => u.UserName == "wangjun", ct);
        var centre = await db.OrgUnits.SingleAsync(u => u.Id == wang.UnitId, ct);
        db.Suggestions.AddRange(
            new Suggestion
            {
                ResidentId = first.Id,
                StreetId = street.Id,
                Text = "毅阳社区菜市场门口电动车乱停，早上买菜的老人不好走，建议划一块非机动车停放区。",
                CreatedAt = now.AddDays(-2),
                Reply = "感谢您的建议。街道城管办已到现场查看，本周内在菜市场东侧划设非机动车停放区，并安排志愿者早高峰引导。",
                RepliedById = wang.Id,
                RepliedByName = wang.DisplayName,
                RepliedByUnitName = centre.Name,
                RepliedAt = now.AddDays(-1),
            },
            new Suggestion
            {
                ResidentId = second.Id,
                StreetId = street.Id,
                Text = "希望社区图书室周末也能开放，孩子们放假时有个看书写作业的地方。",
                CreatedAt = now.AddHours(-3),
            });
        await db.SaveChangesAsync(ct);
    }

    private async Task<Caller> CallerAsync(string userName, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName, ct);
        var unit = await db.OrgUnits.SingleAsync(u => u.Id == user.UnitId, ct);
        return new Caller(user.Id, user.DisplayName, user.Role, unit.Id, unit.Kind, unit.Name, unit.Path);
    }
}
