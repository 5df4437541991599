using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Residents.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents;

/// <summary>随手拍: a resident reports from the phone, signed in or not; the incident's place decides who gets it.</summary>
public sealed class ResidentReportTests : AppTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task An_anonymous_report_goes_to_the_grid_worker_of_the_place_with_the_number_left_for_a_callback()
    {
        var spot = await SpotInGridAsync("毅阳社区", 3);

        var receipt = await App.CreateClient().ResidentReportAsync(ResidentsClient.ResidentReport(spot, contactPhone: "139 1234 5678"), ("shed.jpg", Images.Jpeg));

        var e = await EventAsync(receipt.Number);
        Assert.Equal(EventStatus.Reported, e.Status);
        Assert.Equal(EventSource.Resident, e.Source);
        Assert.Equal(await GridAsync("毅阳社区", 3), e.HolderUnitId);
        Assert.Null(e.ResidentId);
        Assert.Equal(Phone, e.ReporterPhone);
        Assert.Equal(ResidentReporting.AnonymousName, e.ReporterName);
        Assert.Equal("小区门口绿地被人私搭停车棚", e.Title);
        Assert.Single(e.Attachments);
        Assert.False(receipt.HeldForReview);
    }

    [Fact]
    public async Task A_signed_in_report_is_the_residents_own_and_staff_see_only_a_masked_number()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var spot = await SpotInGridAsync("毅阳社区", 3);

        var receipt = await resident.ResidentReportAsync(ResidentsClient.ResidentReport(spot));

        var e = await EventAsync(receipt.Number);
        Assert.NotNull(e.ResidentId);
        Assert.Equal(Phone, e.ReporterPhone);
        Assert.Equal("群众 139****5678", e.ReporterName);
        var staff = await App.SignInAsync("qiumeiling");
        var detail = await (await staff.GetAsync($"/api/v1/events/{e.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Phone, detail);
        Assert.Contains(receipt.Number, await (await resident.GetAsync("/api/v1/resident/reports/mine")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_grid_code_just_scanned_places_a_report_without_a_position()
    {
        var grid = await GridAsync("毅阳社区", 3);
        var code = await (await App.SignInAsync("chenliting")).CodeOfAsync(PlaceCodeKind.Grid, grid);
        var fields = new Dictionary<string, string?> { ["description"] = "路灯不亮", ["categoryId"] = "1", ["placeCode"] = code.Token };

        var receipt = await App.CreateClient().ResidentReportAsync(fields);

        var e = await EventAsync(receipt.Number);
        Assert.Equal(grid, e.GridId);
        Assert.Equal("毅阳社区 · 第3网格", e.Address);
    }

    [Fact]
    public async Task A_place_outside_every_grid_is_refused_and_nothing_is_stored()
    {
        var far = new Spot(39.9, 116.4);

        var problem = await (await App.CreateClient().TryResidentReportAsync(ResidentsClient.ResidentReport(far))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Contains("服务范围", problem.GetProperty("errors").GetProperty("latitude")[0].GetString());
        Assert.Equal(0, await ResidentEventsAsync());
    }

    public static TheoryData<string, string?, string> BadReports => new()
    {
        { "description", null, "description" },
        { "description", new string('长', 4001), "description" },
        { "categoryId", "99999", "categoryId" },
        { "latitude", "91", "latitude" },
        { "contactPhone", "12345", "contactPhone" },
        { "placeCode", "ZZZZ9999", "placeCode" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task Bad_input_gets_a_clear_error_and_changes_nothing(string field, string? value, string errorField)
    {
        var fields = ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3));
        fields[field] = value;

        var problem = await (await App.CreateClient().TryResidentReportAsync(fields)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(errorField, out _), problem.ToString());
        Assert.Equal(0, await ResidentEventsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_and_nothing_is_stored()
    {
        var fields = ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3));

        var response = await App.CreateClient().TryResidentReportAsync(fields, ("photo.jpg", Images.NotAnImage));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity, response.StatusCode.ToString());
        Assert.Equal(0, await ResidentEventsAsync());
        Assert.Empty(Directory.Exists(App.UploadFolder) ? Directory.EnumerateFiles(App.UploadFolder, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_flood_from_one_number_is_held_for_the_centre_to_review_not_dropped()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var spot = await SpotInGridAsync("毅阳社区", 3);
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await resident.ResidentReportAsync(ResidentsClient.ResidentReport(spot, $"第{i}次反映"))).HeldForReview);
        }

        var held = await resident.ResidentReportAsync(ResidentsClient.ResidentReport(spot, "第6次反映"));

        Assert.True(held.HeldForReview);
        var e = await EventAsync(held.Number);
        Assert.Equal(await UnitAsync("蓝田街道综治中心"), e.HolderUnitId);
        Assert.Equal(6, await ResidentEventsAsync());

        App.Clock.Advance(TimeSpan.FromHours(1));
        Assert.False((await resident.ResidentReportAsync(ResidentsClient.ResidentReport(spot, "一小时后"))).HeldForReview);
    }

    [Fact]
    public async Task Scripts_sending_from_one_address_are_stopped()
    {
        var app = App.WithWebHostBuilder(web => web.UseSetting("Residents:ReportsPerAddressPerHour", "2"));
        var client = app.CreateClient();
        var fields = ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3));
        await (await client.TryResidentReportAsync(fields)).ShouldBe(HttpStatusCode.Created);
        await (await client.TryResidentReportAsync(fields)).ShouldBe(HttpStatusCode.Created);

        var refused = await client.TryResidentReportAsync(fields);

        await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(2, await ResidentEventsAsync());
    }

    private Task<Event> EventAsync(string number) =>
        App.QueryAsync(db => db.Events.Include(e => e.Attachments).SingleAsync(e => e.Number == number));

    private Task<int> ResidentEventsAsync() => App.QueryAsync(db => db.Events.CountAsync(e => e.Source == EventSource.Resident));
}
