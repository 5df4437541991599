using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Residents.Notices;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Notices;

/// <summary>标签群组: a community keeps named groups of residents, and a notice can go to one of them only.</summary>
public sealed class TagGroupTests : AppTest
{
    private DateTime MeetingAt => App.Clock.GetUtcNow().UtcDateTime.AddDays(2);

    [Fact]
    public async Task A_community_head_groups_residents_by_number_and_a_notice_reaches_only_the_group()
    {
        var volunteer = await App.SignInResidentAsync("13900000001");
        var neighbour = await App.SignInResidentAsync("13900000002");
        await volunteer.SetHomeAsync(await GridAsync("毅阳社区", 3));
        await neighbour.SetHomeAsync(await GridAsync("毅阳社区", 3));
        var chen = await App.SignInAsync("chenliting");

        var group = await CreateAsync(chen, await UnitAsync("毅阳社区"), "志愿者");
        group = await (await chen.PostAsJsonAsync($"/api/v1/tag-groups/{group.Id}/members", new { phone = "139-0000-0001" })).ShouldBe<TagGroupDetail>(HttpStatusCode.OK);
        Assert.Equal("139****0001", Assert.Single(group.Members).Phone);

        var notice = await (await chen.TrySendNoticeAsync(null, meetingAt: MeetingAt, tagGroupId: group.Id)).ShouldBe<StaffNoticeDetail>(HttpStatusCode.Created);

        Assert.Equal(1, notice.Tally.Sent);
        Assert.Equal("毅阳社区 · 志愿者", notice.Audience);
        Assert.Single(await volunteer.MyNoticesAsync());
        Assert.Empty(await neighbour.MyNoticesAsync());
    }

    [Fact]
    public async Task A_removed_member_gets_no_more_notices_and_an_empty_group_sends_nothing()
    {
        var volunteer = await App.SignInResidentAsync("13900000001");
        var chen = await App.SignInAsync("chenliting");
        var group = await CreateAsync(chen, await UnitAsync("毅阳社区"), "楼栋长");
        var added = await (await chen.PostAsJsonAsync($"/api/v1/tag-groups/{group.Id}/members", new { phone = "13900000001" })).ShouldBe<TagGroupDetail>(HttpStatusCode.OK);

        var removed = await (await chen.DeleteAsync($"/api/v1/tag-groups/{group.Id}/members/{added.Members[0].ResidentId}")).ShouldBe<TagGroupDetail>(HttpStatusCode.OK);
        Assert.Empty(removed.Members);

        await (await chen.TrySendNoticeAsync(null, meetingAt: MeetingAt, tagGroupId: group.Id)).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Empty(await volunteer.MyNoticesAsync());
    }

    [Fact]
    public async Task A_number_without_an_account_or_a_bad_number_is_refused_and_a_name_is_used_once()
    {
        var chen = await App.SignInAsync("chenliting");
        var group = await CreateAsync(chen, await UnitAsync("毅阳社区"), "党员");

        await (await chen.PostAsJsonAsync($"/api/v1/tag-groups/{group.Id}/members", new { phone = "13900000009" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await chen.PostAsJsonAsync($"/api/v1/tag-groups/{group.Id}/members", new { phone = "12345" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await chen.PostAsJsonAsync("/api/v1/tag-groups", new { communityId = await UnitAsync("毅阳社区"), name = " 党员 " })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await chen.PostAsJsonAsync("/api/v1/tag-groups", new { communityId = await UnitAsync("毅阳社区"), name = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Equal(0, await App.QueryAsync(db => db.TagGroupMembers.CountAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.TagGroups.CountAsync()));
    }

    [Fact]
    public async Task Staff_of_another_community_or_a_grid_worker_neither_see_nor_use_a_communitys_groups()
    {
        await App.SignInResidentAsync("13900000001");
        var chen = await App.SignInAsync("chenliting");
        var group = await CreateAsync(chen, await UnitAsync("毅阳社区"), "志愿者");
        await (await chen.PostAsJsonAsync($"/api/v1/tag-groups/{group.Id}/members", new { phone = "13900000001" })).ShouldBe(HttpStatusCode.OK);
        await (await App.SignInAsync("admin")).CreateAccountAsync("tanlinhead", "CommunityHead", await UnitAsync("檀林社区"));
        var tanlin = await App.SignInAsync("tanlinhead", "Start@2026");
        var qiu = await App.SignInAsync("qiumeiling");

        foreach (var outsider in new[] { tanlin, qiu })
        {
            Assert.Empty(await (await outsider.GetAsync("/api/v1/tag-groups")).ShouldBe<List<TagGroupView>>(HttpStatusCode.OK));
            await (await outsider.GetAsync($"/api/v1/tag-groups/{group.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await outsider.PostAsJsonAsync($"/api/v1/tag-groups/{group.Id}/members", new { phone = "13900000001" })).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await outsider.TrySendNoticeAsync(null, meetingAt: MeetingAt, tagGroupId: group.Id)).ShouldBeProblem(HttpStatusCode.NotFound);
        }

        await (await tanlin.PostAsJsonAsync("/api/v1/tag-groups", new { communityId = await UnitAsync("毅阳社区"), name = "志愿者2" })).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, await App.QueryAsync(db => db.Notices.OfTest().CountAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.TagGroups.CountAsync()));
    }

    private static async Task<TagGroupDetail> CreateAsync(HttpClient staff, int communityId, string name) =>
        await (await staff.PostAsJsonAsync("/api/v1/tag-groups", new { communityId, name })).ShouldBe<TagGroupDetail>(HttpStatusCode.Created);
}
