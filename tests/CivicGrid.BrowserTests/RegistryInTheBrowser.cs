using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Tests.Registry.Pages;
using CivicGrid.Web.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>The registry at the door: a grid worker scans a building's QR code on a 360 px phone and registers a tenant.</summary>
public sealed class RegistryInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_grid_worker_scans_a_building_adds_a_room_and_registers_a_tenant_filled_in_from_the_id_number()
    {
        var building = await host.App.BuildingInGridAsync("毅阳社区", 3);
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
    }
}
