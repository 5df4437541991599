using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Identity;

public sealed class PlatformTests : AppTest
{
    [Fact]
    public async Task Health_openapi_and_api_reference_are_served()
    {
        var client = App.CreateClient();

        await (await client.GetAsync("/healthz")).ShouldBe(HttpStatusCode.OK);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/events/{id}/dispatch", openApi);
        await (await client.GetAsync("/api-docs")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_refuses_anonymous_callers()
    {
        var response = await App.CreateClient().GetAsync("/api/v1/todo");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_for_a_while()
    {
        var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "chenliting", password = "wrong-password" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        }

        var locked = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "chenliting", password = CivicGrid.Web.Demo.DemoData.Password })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("锁定", locked.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Errors_speak_english_on_request()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var problem = await (await qiu.PostAsJsonAsync("/api/v1/events?culture=en", new { title = "x" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Equal("The request is not valid", problem.GetProperty("title").GetString());
    }
}
