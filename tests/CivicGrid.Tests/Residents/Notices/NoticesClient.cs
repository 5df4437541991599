using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Residents.Home;
using CivicGrid.Web.Residents.Notices;

namespace CivicGrid.Tests.Residents.Notices;

/// <summary>The home grid and notices APIs, in intent words.</summary>
public static class NoticesClient
{
    /// <summary>Where the demo data's notice went; tests write elsewhere.</summary>
    public const string DemoCommunity = "朝阳社区";

    /// <summary>The notices the test sent, without the demo's.</summary>
    public static IQueryable<Notice> OfTest(this IQueryable<Notice> notices) => notices.Where(n => n.Audience!.Name != DemoCommunity);

    public static IQueryable<NoticeRecipient> OfTest(this IQueryable<NoticeRecipient> recipients) => recipients.Where(r => r.Notice!.Audience!.Name != DemoCommunity);

    public static Task<HttpResponseMessage> TrySetHomeAsync(this HttpClient resident, int? gridId, string? code = null) =>
        resident.PutAsJsonAsync("/api/v1/resident/home", new { gridId, code });

    public static async Task<HomeView> SetHomeAsync(this HttpClient resident, int gridId) =>
        await (await resident.TrySetHomeAsync(gridId)).ShouldBe<HomeView>(HttpStatusCode.OK);

    public static async Task<HomeView> HomeAsync(this HttpClient resident) =>
        await (await resident.GetAsync("/api/v1/resident/home")).ShouldBe<HomeView>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TrySendNoticeAsync(
        this HttpClient staff, int? audienceId, string? title = "周六上午开居民议事会", string? body = "议题：小区停车位划线，请准时参加。",
        DateTime? meetingAt = null, string? meetingPlace = "社区党群服务中心二楼", bool asksAttendance = true, long? tagGroupId = null) =>
        staff.PostAsJsonAsync("/api/v1/notices", new { audienceId, title, body, meetingAt, meetingPlace, asksAttendance, tagGroupId }, ResponseAssertions.Json);

    public static async Task<StaffNoticeDetail> SendNoticeAsync(this HttpClient staff, int audienceId, DateTime meetingAt, bool asksAttendance = true) =>
        await (await staff.TrySendNoticeAsync(audienceId, meetingAt: meetingAt, asksAttendance: asksAttendance)).ShouldBe<StaffNoticeDetail>(HttpStatusCode.Created);

    public static async Task<StaffNoticeDetail> NoticeAsync(this HttpClient staff, long id) =>
        await (await staff.GetAsync($"/api/v1/notices/{id}")).ShouldBe<StaffNoticeDetail>(HttpStatusCode.OK);

    public static async Task<Page<StaffNotice>> NoticesAsync(this HttpClient staff) =>
        await (await staff.GetAsync("/api/v1/notices")).ShouldBe<Page<StaffNotice>>(HttpStatusCode.OK);

    public static async Task<IReadOnlyList<MyNotice>> MyNoticesAsync(this HttpClient resident) =>
        await (await resident.GetAsync("/api/v1/resident/notices")).ShouldBe<List<MyNotice>>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryOpenNoticeAsync(this HttpClient resident, long id) =>
        resident.GetAsync($"/api/v1/resident/notices/{id}");

    public static Task<HttpResponseMessage> TryAnswerAsync(this HttpClient resident, long id, string answer) =>
        resident.PutAsJsonAsync($"/api/v1/resident/notices/{id}/answer", new { answer });

    public static async Task<MyNotice> AnswerAsync(this HttpClient resident, long id, string answer) =>
        await (await resident.TryAnswerAsync(id, answer)).ShouldBe<MyNotice>(HttpStatusCode.OK);
}
