using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>What staff do through the pages, as a browser would: a cookie, forms with their antiforgery token, no redirects followed.</summary>
public static partial class PagesClient
{
    public static async Task<HttpClient> SignInToPagesAsync(this WebApplicationFactory<Program> app, string userName, string password = CivicGrid.Web.Demo.DemoData.Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/Identity/SignIn", "/Identity/SignIn", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Opens the form at <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Asserts a page (HTML) with the status, and returns its markup.</summary>
    public static async Task<string> ShouldBePage(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Asserts the one forbidden page: 403 in place (no redirect), as HTML, saying why.</summary>
    public static async Task<string> ShouldBeForbiddenPage(this HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"forbidden\"", page);
        return page;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
