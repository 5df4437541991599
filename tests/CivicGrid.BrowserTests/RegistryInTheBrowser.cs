using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Tests.Registry.Pages;
using CivicGrid.Tests.Registry.Reports;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Registry.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CivicGrid.BrowserTests;

/// <summary>
/// The registry at the door: a grid worker scans a building's QR code on a 360 px phone, registers
/// a tenant, and exports the rental report that now counts them.
/// </summary>
public sealed class RegistryInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_grid_worker_scans_a_building_registers_a_tenant_filled_in_from_the_id_number_and_exports_the_rental_report()
    {
        var building = await host.App.BuildingInGridAsync("毅阳社区", 3);
        var rentalsBefore = await (await host.App.SignInAsync("qiumeiling")).ReportAsync(StandardReports.Rentals);
        var code = await (await host.App.SignInAsync("chenliting")).CodeOfAsync(PlaceCodeKind.Building, building);

        var qiu = await host.PhoneOfAsync("qiumeiling");
        await qiu.GotoAsync(code.Url.ToString());
        await Assertions.Expect(qiu).ToHaveURLAsync(new Regex($@"/Geography/Building/{building}"));
        await Assertions.Expect(qiu.GetByTestId("building-registry")).ToBeVisibleAsync();

        // The room is not registered yet: she adds it.
        await qiu.GetByTestId("room-number").FillAsync("9502");
        await qiu.GetByTestId("room-use-new").SelectOptionAsync("Rented");
        await qiu.GetByTestId("add-room").ClickAsync();
        var room = qiu.Locator("[data-testid=room][data-room='1单元9502']");
        await Assertions.Expect(room).ToBeVisibleAsync();
        await Assertions.Expect(room.GetByTestId("room-use")).ToHaveTextAsync("出租");

        // The ID number fills in what it says, before she types anything else.
        await room.GetByTestId("register-here").ClickAsync();
        await Assertions.Expect(qiu.GetByTestId("register-room")).ToHaveValueAsync(new Regex(@"^\d+$"));
        await qiu.GetByTestId("register-id").PressSequentiallyAsync(RegistryPages.Stranger);
        await Assertions.Expect(qiu.GetByTestId("register-sex")).ToHaveTextAsync("女");
        await Assertions.Expect(qiu.GetByTestId("register-birth")).ToHaveTextAsync("1990-03-07");
        await Assertions.Expect(qiu.GetByTestId("register-place")).ToHaveValueAsync(new Regex("南山区"));
        await Assertions.Expect(qiu.GetByTestId("lookup-known")).ToBeHiddenAsync();

        await qiu.GetByTestId("register-name").FillAsync("林小雨");
        await qiu.GetByTestId("register-phone").FillAsync("13900000003");
        await qiu.GetByTestId("register-type").SelectOptionAsync("Tenant");
        await qiu.GetByTestId("register-submit").ClickAsync();

        var registered = qiu.Locator("[data-testid=room][data-room='1单元9502']");
        await Assertions.Expect(registered.GetByTestId("resident-name")).ToHaveTextAsync("林小雨");
        await Assertions.Expect(registered.GetByTestId("resident")).ToContainTextAsync("租户");
        await Assertions.Expect(registered.GetByTestId("resident-phone")).ToHaveTextAsync("139****0003");
        await Assertions.Expect(qiu.GetByTestId("recent-changes")).ToContainTextAsync("林小雨 入住 1单元9502");
        Assert.True(await qiu.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the building page scrolls sideways on a phone");
        Assert.Equal(1, await host.App.QueryAsync(db => db.Persons.CountAsync(p => p.Name == "林小雨")));

        // Her grid's rental report, exported as she would hand it in: one more rented room, tenant and tenant household.
        await qiu.GotoAsync("/Registry/Reports");
        await qiu.GetByTestId("report-template").Filter(new() { HasText = StandardReports.Rentals }).ClickAsync();
        await Assertions.Expect(qiu.GetByTestId("report-table")).ToBeVisibleAsync();
        var download = await qiu.RunAndWaitForDownloadAsync(() => qiu.GetByTestId("report-export").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"rentals-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(file);
            var rows = MiniExcel.Query(file, useHeaderRow: false).Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
            Assert.Equal(StandardReports.Rentals, rows[0][0]);
            Assert.Contains("第3网格", rows[1][0]);
            Assert.Equal(["网格", "出租房屋", "租户人数", "租户户数"], rows[2]);
            var grid = rentalsBefore.Rows.Single();
            var after = rows.Single(r => r[0] == grid.Label);
            Assert.Equal(grid.Values.Select(v => (v + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), after.Skip(1).Take(3));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
