using CivicGrid.Web.Categories;
using CivicGrid.Web.Dispatch.Rules;
using CivicGrid.Web.Events;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using CivicGrid.Web.Residents.Notices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Demo;

/// <summary>
/// The demo district, built from the seeds' places (龙文区 → 蓝田街道 → 毅阳社区 …), with one
/// account per role. Planted only into an empty database. Every demo account's password is
/// <see cref="Password"/>; the README lists them.
/// </summary>
public sealed class DemoData(CivicGridDb db, UserManager<StaffUser> users, DemoRegistry registry, TimeProvider clock)
{
    public const string Password = "Demo@2026";

    /// <returns>Whether the district was planted now (the database was empty).</returns>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        if (await db.OrgUnits.AnyAsync(ct))
        {
            return false;
        }

        var district = await UnitAsync(OrgUnitKind.District, "龙文区", "350603", null, ct);
        var districtCentre = await UnitAsync(OrgUnitKind.GovernanceCentre, "龙文区综治中心", "350603C01", district, ct);
        await UnitAsync(OrgUnitKind.Department, "龙文区城市管理局", "350603D01", district, ct);
        await UnitAsync(OrgUnitKind.Department, "龙文区住房和城乡建设局", "350603D02", district, ct);
        await UnitAsync(OrgUnitKind.Department, "龙文区生态环境局", "350603D03", district, ct);

        var landian = await UnitAsync(OrgUnitKind.Street, "蓝田街道", "350603001", district, ct);
        var landianCentre = await UnitAsync(OrgUnitKind.GovernanceCentre, "蓝田街道综治中心", "350603001C01", landian, ct);
        var chengguan = await UnitAsync(OrgUnitKind.Department, "蓝田街道城管办", "350603001D01", landian, ct);
        var police = await UnitAsync(OrgUnitKind.Department, "蓝田派出所", "350603001D02", landian, ct);
        var market = await UnitAsync(OrgUnitKind.Department, "蓝田市场监管所", "350603001D03", landian, ct);
        await UnitAsync(OrgUnitKind.Department, "蓝田街道住建办", "350603001D04", landian, ct);

        List<CommunityUnits> communities = [];
        var yiyang = await CommunityAsync(communities, "毅阳社区", "350603001001", landian, 4, ct);
        var tanlin = await CommunityAsync(communities, "檀林社区", "350603001002", landian, 3, ct);
        await CommunityAsync(communities, "湘桥社区", "350603001003", landian, 3, ct);

        var chaoyang = await UnitAsync(OrgUnitKind.Street, "朝阳街道", "350603002", district, ct);
        await UnitAsync(OrgUnitKind.GovernanceCentre, "朝阳街道综治中心", "350603002C01", chaoyang, ct);
        var chaoyangChengguan = await UnitAsync(OrgUnitKind.Department, "朝阳街道城管办", "350603002D01", chaoyang, ct);
        await UnitAsync(OrgUnitKind.Department, "朝阳派出所", "350603002D02", chaoyang, ct);
        var chaoyangCommunity = await CommunityAsync(communities, "朝阳社区", "350603002001", chaoyang, 3, ct);
        await CommunityAsync(communities, "北庭社区", "350603002002", chaoyang, 2, ct);

        var buwen = await UnitAsync(OrgUnitKind.Street, "步文街道", "350603003", district, ct);
        await UnitAsync(OrgUnitKind.GovernanceCentre, "步文街道综治中心", "350603003C01", buwen, ct);
        await UnitAsync(OrgUnitKind.Department, "步文街道城管办", "350603003D01", buwen, ct);
        await CommunityAsync(communities, "步文社区", "350603003001", buwen, 2, ct);
        await CommunityAsync(communities, "龙江社区", "350603003002", buwen, 2, ct);

        await MapAsync(communities, ct);
        await SeedDispatchRulesAsync(district, landian, chaoyang, ct);

        await AccountAsync("qiumeiling", "邱美灵", StaffRole.GridWorker, yiyang.Grids[2], "13805950001");
        await AccountAsync("linxiaohua", "林晓华", StaffRole.GridWorker, yiyang.Grids[0], "13805950002");
        await AccountAsync("zhengwei", "郑伟", StaffRole.GridWorker, tanlin.Grids[0], "13805950003");
        // The community head may see a full number when a case needs it; her grid workers see masks only.
        await AccountAsync("chenliting", "陈立婷", StaffRole.CommunityHead, yiyang.Community, "13805950004", mayUnmask: true);
        await AccountAsync("huangyan", "黄燕", StaffRole.CommunityHead, tanlin.Community, "13805950005");
        await AccountAsync("xujing", "许静", StaffRole.CommunityHead, chaoyangCommunity.Community, "13805950006");
        await AccountAsync("wangjun", "王军", StaffRole.Dispatcher, landianCentre, "13805950007");
        await AccountAsync("zhanghui", "张辉", StaffRole.Dispatcher, districtCentre, "13805950008");
        await AccountAsync("liuqiang", "刘强", StaffRole.DepartmentHandler, chengguan, "13805950009");
        await AccountAsync("zhoumin", "周敏", StaffRole.DepartmentHandler, police, "13805950010");
        await AccountAsync("wuhong", "吴红", StaffRole.DepartmentHandler, market, "13805950011");
        await AccountAsync("yangfan", "杨帆", StaffRole.DepartmentHandler, chaoyangChengguan, "13805950012");
        await AccountAsync("liming", "李明", StaffRole.Leader, district, "13805950013");
        await AccountAsync("admin", "系统管理员", StaffRole.Administrator, district, "13805950014");
        await SeedNoticeAsync(chaoyangCommunity, ct);
        await registry.SeedAsync(yiyang.Grids[2].Id, ct);
        return true;
    }

    /// <summary>
    /// Four residents at home in 朝阳社区 (sign in on /r with their numbers through the SMS sink) and
    /// one notice from its head, partly answered, so the tally shows something on first run. Its SMS
    /// count as sent long ago: nothing is queued for them.
    /// </summary>
    private async Task SeedNoticeAsync(CommunityUnits community, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var residents = Enumerable.Range(1, 4).Select(n => new Resident
        {
            Id = Guid.NewGuid(),
            Phone = $"1390596000{n}",
            CreatedAt = now,
            LastSignInAt = now,
            HomeGridId = community.Grids[(n - 1) % community.Grids.Count].Id,
        }).ToList();
        db.Residents.AddRange(residents);
        var head = await db.Users.SingleAsync(u => u.UserName == "xujing", ct);
        db.Notices.Add(new Notice
        {
            Title = "居民议事会：小区停车位划线",
            Body = "本周六上午九点在社区党群服务中心二楼召开居民议事会，商议小区停车位划线方案，请回复是否参加。",
            MeetingAt = now.AddDays(3),
            MeetingPlace = "朝阳社区党群服务中心二楼",
            AsksAttendance = true,
            AudienceId = community.Community.Id,
            AudiencePath = community.Community.Path,
            SentById = head.Id,
            SentByName = head.DisplayName,
            SentByUnitName = community.Community.Name,
            SentAt = now.AddHours(-2),
            Recipients =
            [
                new() { ResidentId = residents[0].Id, ReadAt = now.AddHours(-1), Answer = NoticeAnswer.Attend, AnsweredAt = now.AddHours(-1) },
                new() { ResidentId = residents[1].Id, ReadAt = now.AddMinutes(-50), Answer = NoticeAnswer.Decline, AnsweredAt = now.AddMinutes(-50) },
                new() { ResidentId = residents[2].Id, ReadAt = now.AddMinutes(-30) },
                new() { ResidentId = residents[3].Id },
            ],
        });
        await db.SaveChangesAsync(ct);
    }

    private sealed record CommunityUnits(OrgUnit Community, OrgUnit Street, List<OrgUnit> Grids);

    private async Task<CommunityUnits> CommunityAsync(List<CommunityUnits> communities, string name, string code, OrgUnit street, int gridCount, CancellationToken ct)
    {
        var community = await UnitAsync(OrgUnitKind.Community, name, code, street, ct);
        var grids = new List<OrgUnit>();
        for (var n = 1; n <= gridCount; n++)
        {
            grids.Add(await UnitAsync(OrgUnitKind.Grid, $"第{n}网格", $"{code}{n:D3}", community, ct));
        }

        var units = new CommunityUnits(community, street, grids);
        communities.Add(units);
        return units;
    }

    /// <summary>Grid areas from <see cref="DemoMap"/>, and two buildings of three units in each grid.</summary>
    private async Task MapAsync(List<CommunityUnits> communities, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var areas = DemoMap.GridAreas(communities.ToDictionary(c => c.Community.Name, c => c.Grids.Count));
        foreach (var (community, street, grids) in communities)
        {
            var number = 1;
            foreach (var (grid, n) in grids.Select((g, i) => (g, i + 1)))
            {
                var area = areas[(community.Name, n)];
                db.GridBoundaries.Add(GridBoundary.For(grid.Id, area, now));
                var inside = area.InteriorPoint.Coordinate;
                var centre = area.Centroid.Coordinate;
                var between = new NetTopologySuite.Geometries.Point((inside.X + centre.X) / 2, (inside.Y + centre.Y) / 2);
                foreach (var at in new[] { inside, area.Contains(between) ? between.Coordinate : null })
                {
                    if (at is null)
                    {
                        continue;
                    }

                    var building = new Building { GridId = grid.Id, Name = $"{number}栋", Address = $"{street.Name}{community.Name}{number}栋", Latitude = Math.Round(at.Y, 6), Longitude = Math.Round(at.X, 6) };
                    building.Units.AddRange(Enumerable.Range(1, 3).Select(u => new BuildingUnit { Name = $"{u}单元", Order = u }));
                    db.Buildings.Add(building);
                    number++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<OrgUnit> UnitAsync(OrgUnitKind kind, string name, string code, OrgUnit? parent, CancellationToken ct)
    {
        var unit = new OrgUnit { Kind = kind, Name = name, Code = code, ParentId = parent?.Id };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        unit.Path = OrgUnit.ChildPath(parent?.Path ?? "/", unit.Id);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    /// <param name="phone">Where the demo's SMS notices go (to the development sink).</param>
    private async Task AccountAsync(string userName, string displayName, StaffRole role, OrgUnit unit, string phone, bool mayUnmask = false)
    {
        var user = new StaffUser
        {
            UserName = userName,
            DisplayName = displayName,
            Role = role,
            UnitId = unit.Id,
            LockoutEnabled = true,
            PhoneNumber = phone,
            MayUnmaskPersonalData = mayUnmask,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
    /// <summary>
    /// Rules that make the canonical story sensible: green space in 蓝田街道 is suggested to its
    /// 城管办 (a dispatcher looks first); a missing manhole cover there is dispatched at once.
    /// </summary>
    private async Task SeedDispatchRulesAsync(OrgUnit district, OrgUnit landian, OrgUnit chaoyang, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        async Task RuleAsync(string categoryCode, OrgUnit area, string lead, string[] assists, DispatchMode mode, string? note)
        {
            var names = assists.Append(lead).ToList();
            var departments = await db.OrgUnits.Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, u => u.Id, ct);
            db.DispatchRules.Add(new DispatchRule
            {
                CategoryId = await db.Categories.Where(c => c.Code == categoryCode).Select(c => c.Id).SingleAsync(ct),
                AreaId = area.Id,
                LeadDepartmentId = departments[lead],
                AssistDepartmentIds = assists.Select(a => departments[a]).ToList(),
                Mode = mode,
                Note = note,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await RuleAsync("G0501", landian, "蓝田街道城管办", [], DispatchMode.Suggest, "占绿多涉及邻里关系，调度员先看一眼");
        await RuleAsync("B0101", landian, "蓝田街道住建办", [], DispatchMode.Automatic, "井盖缺失有坠落危险，立案即派");
        await RuleAsync("G0401", landian, "蓝田派出所", ["蓝田街道城管办"], DispatchMode.Suggest, null);
        await RuleAsync("G0801", landian, "蓝田市场监管所", [], DispatchMode.Suggest, null);
        await RuleAsync("E01", chaoyang, "朝阳街道城管办", [], DispatchMode.Suggest, null);
        await RuleAsync("B02", district, "龙文区住房和城乡建设局", [], DispatchMode.Suggest, "区级设施由区住建局统筹");
        await db.SaveChangesAsync(ct);
    }
}
