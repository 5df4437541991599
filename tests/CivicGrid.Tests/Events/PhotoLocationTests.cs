using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CivicGrid.Tests.Events;

/// <summary>Where a photo was taken, as its EXIF GPS block says: read on upload, shown to staff, never to anyone signed out.</summary>
public sealed class PhotoLocationTests : AppTest
{
    // 毅阳社区, 蓝田街道, Zhangzhou.
    private const double Latitude = 24.5128;
    private const double Longitude = 117.6953;

    [Fact]
    public async Task Staff_see_where_a_photo_was_taken_from_its_EXIF_GPS()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var reported = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));

        var uploaded = await qiu.UploadPhotosAsync(reported.Id, "Before", ("IMG_20261123_090112.jpg", Images.PhotoTakenAt(Latitude, Longitude)), ("no-gps.jpg", Images.Jpeg));

        AssertTakenAt(uploaded[0]);
        Assert.Null(uploaded[1].GpsLatitude);
        Assert.Null(uploaded[1].GpsLongitude);
        var chen = await App.SignInAsync("chenliting");
        var seen = (await chen.GetEventAsync(reported.Id)).Attachments.Single(a => a.Id == uploaded[0].Id);
        AssertTakenAt(seen);
        Assert.Equal("image/jpeg", seen.ContentType);
    }

    [Fact]
    public async Task Someone_signed_out_gets_neither_the_photo_nor_its_position()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var reported = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var photo = (await qiu.UploadAsync(reported.Id, "Before", ("shed.jpg", Images.PhotoTakenAt(Latitude, Longitude)))).Single();
        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await (await anonymous.GetAsync($"/api/v1/events/{reported.Id}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/events/{reported.Id}/attachments/{photo}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/events?q={reported.Number}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var page = await anonymous.GetAsync($"/Events/Detail/{reported.Id}?handler=Photo&photo={photo}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Identity/SignIn", page.Headers.Location?.AbsolutePath);
    }

    private static void AssertTakenAt(AttachmentView photo)
    {
        Assert.NotNull(photo.GpsLatitude);
        Assert.NotNull(photo.GpsLongitude);
        Assert.Equal(Latitude, photo.GpsLatitude.Value, 6);
        Assert.Equal(Longitude, photo.GpsLongitude.Value, 6);
    }
}
