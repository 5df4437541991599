using System.Net;
using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CivicGrid.Tests.Organisation;

/// <summary>The administration pages open for administrators and refuse everyone else.</summary>
public sealed partial class AdministrationPageTests : AppTest
{
    [Fact]
    public async Task Administrator_sees_the_unit_tree_and_accounts_and_a_community_head_gets_403()
    {
        var admin = await SignInWithCookieAsync("admin");
        var units = await admin.GetAsync("/Organisation/Units");
        await units.ShouldBe(HttpStatusCode.OK);
        var page = await units.Content.ReadAsStringAsync();
        Assert.Contains("毅阳社区", page);
        Assert.Contains("data-testid=\"nav-units\"", page);
        Assert.Contains("chenliting", await (await admin.GetAsync("/Identity/Accounts")).Content.ReadAsStringAsync());
        await (await admin.GetAsync("/Identity/Account")).ShouldBe(HttpStatusCode.OK);

        var head = await SignInWithCookieAsync("chenliting");
        var refused = await head.GetAsync("/Organisation/Units");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("nav-units", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Identity/Accounts")).StatusCode);
    }

    private async Task<HttpClient> SignInWithCookieAsync(string userName)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Identity/SignIn");
        var token = Antiforgery().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Identity/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = CivicGrid.Web.Demo.DemoData.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
