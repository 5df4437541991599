using System.Net;
using System.Net.Http.Json;
using System.Text;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Events;

/// <summary>Bad input gets a clear 400 and leaves the database and the upload folder as they were.</summary>
public sealed class BadInputTests : AppTest
{
    private async Task<(int Events, int Attachments, int Files)> StoredAsync() => (
        await App.QueryAsync(db => db.Events.CountAsync()),
        await App.QueryAsync(db => db.Attachments.CountAsync()),
        Directory.Exists(App.UploadFolder) ? Directory.GetFiles(App.UploadFolder, "*", SearchOption.AllDirectories).Length : 0);

    private async Task ExpectRejectedAsync(HttpResponseMessage response, string? field = null)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var before = await StoredAsync();

        var response = await qiu.PostAsync("/api/v1/events", new StringContent("{\"title\": \"绿地", Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("address")]
    [InlineData("categoryId")]
    public async Task Missing_field_is_400_naming_the_field(string field)
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var report = ToDictionary(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        report.Remove(field);

        await ExpectRejectedAsync(await qiu.PostAsJsonAsync("/api/v1/events", report), field);
        Assert.Equal(0, (await StoredAsync()).Events);
    }

    [Fact]
    public async Task Oversized_fields_are_400()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var report = ToDictionary(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        report["title"] = new string('长', EventConfiguration.TitleMaxLength + 1);
        report["description"] = new string('x', EventConfiguration.DescriptionMaxLength + 1);

        var problem = await (await qiu.PostAsJsonAsync("/api/v1/events", report)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("description", out _));
        Assert.Equal(0, (await StoredAsync()).Events);
    }

    [Theory]
    [InlineData("categoryId", 99999, "categoryId")]
    [InlineData("buildingId", 99999, "buildingId")]
    [InlineData("latitude", 91.0, "latitude")]
    [InlineData("longitude", -180.5, "longitude")]
    [InlineData("urgency", "Apocalyptic", null)]
    public async Task Unknown_or_out_of_range_values_are_400(string field, object value, string? errorField)
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var report = ToDictionary(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        report[field] = value;

        await ExpectRejectedAsync(await qiu.PostAsJsonAsync("/api/v1/events", report), errorField);
        Assert.Equal(0, (await StoredAsync()).Events);
    }

    [Fact]
    public async Task Script_and_sql_metacharacters_are_stored_verbatim_as_text()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        const string description = "<script>alert('x')</script> '; DROP TABLE \"Events\"; --";
        var e = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "Robert'); DROP TABLE Events;--", description: description));

        var stored = await qiu.GetEventAsync(e.Id);
        Assert.Equal(description, stored.Description);
        Assert.Equal(1, (await StoredAsync()).Events);
        var found = await qiu.GetFromJsonAsync<CivicGrid.Web.Infrastructure.Page<EventSummary>>("/api/v1/events?q=%27)%3B%20DROP", ResponseAssertions.Json);
        Assert.Equal(e.Id, found!.Items.Single().Id);
    }

    [Fact]
    public async Task A_non_image_renamed_jpg_is_400_and_nothing_is_kept()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var e = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var before = await StoredAsync();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Images.Jpeg), "files", "good.jpg" },
            { new ByteArrayContent(Images.NotAnImage), "files", "evil.jpg" },
        };

        var problem = await (await qiu.PostAsync($"/api/v1/events/{e.Id}/attachments", form)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Contains("evil.jpg", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task An_oversized_upload_is_400_and_nothing_is_kept()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var e = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var before = await StoredAsync();
        var huge = new byte[(1024 * 1024) + 1];
        Images.Jpeg.CopyTo(huge, 0);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(huge), "files", "huge.jpg" } };

        await (await qiu.PostAsync($"/api/v1/events/{e.Id}/attachments", form)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Png_webp_and_heic_are_accepted_by_content_whatever_their_name()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var e = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));

        await qiu.UploadAsync(e.Id, "Before", ("photo.txt", Images.Png), ("IMG_0001.HEIC", Images.Heic));

        var stored = await qiu.GetEventAsync(e.Id);
        Assert.Equal(["image/heic", "image/png"], stored.Attachments.Select(a => a.ContentType).Order());
        Assert.Equal(["IMG_0001.heic", "photo.png"], stored.Attachments.Select(a => a.FileName).Order());
    }

    private static Dictionary<string, object?> ToDictionary(object report) =>
        report.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(report));
}
