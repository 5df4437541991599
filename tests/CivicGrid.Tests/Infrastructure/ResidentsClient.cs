using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CivicGrid.Web.Residents;
using CivicGrid.Web.Residents.Reports;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>What a resident does through the API: ask for a code, read it off the development SMS sink, sign in, report, follow.</summary>
public static partial class ResidentsClient
{
    public static Task<HttpResponseMessage> AskCodeAsync(this HttpClient client, string phone) =>
        client.PostAsJsonAsync("/api/v1/resident/sign-in/code", new { phone });

    /// <summary>The last code the sink received for the number.</summary>
    public static string CodeSentTo(this WebApplicationFactory<Program> app, string phone) =>
        SixDigits().Match(app.Sink().Messages.First(m => m.Phone == CivicGrid.Web.Residents.Accounts.PhoneNumbers.Normalise(phone)).Text).Value;

    public static Task<HttpResponseMessage> TrySignInAsync(this HttpClient client, string phone, string code) =>
        client.PostAsJsonAsync("/api/v1/resident/sign-in", new { phone, code });

    /// <summary>A resident's client holding a bearer token for the number, signed in the way a phone would.</summary>
    public static async Task<HttpClient> SignInResidentAsync(this WebApplicationFactory<Program> app, string phone)
    {
        var client = app.CreateClient();
        await (await client.AskCodeAsync(phone)).ShouldBe(HttpStatusCode.OK);
        var token = await (await client.TrySignInAsync(phone, app.CodeSentTo(phone))).ShouldBe<TokenResponse>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>A phone's browser: the number, the code from the SMS sink, and the cookie that follows; no redirects followed.</summary>
    public static async Task<HttpClient> SignInResidentToPagesAsync(this WebApplicationFactory<Program> app, string phone)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await (await client.PostFormAsync("/r/sign-in", "/r/sign-in?handler=Send", new() { ["Phone"] = phone })).ShouldBePage(HttpStatusCode.OK);
        var signedIn = await client.PostFormAsync("/r/sign-in", "/r/sign-in?handler=Verify", new() { ["Phone"] = phone, ["Code"] = app.CodeSentTo(phone) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>A report as the phone's form sends it: multipart fields and photos.</summary>
    public static Task<HttpResponseMessage> TryResidentReportAsync(this HttpClient client, Dictionary<string, string?> fields, params (string Name, byte[] Bytes)[] photos)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            form.Add(new StringContent(value!), name);
        }

        foreach (var (name, bytes) in photos)
        {
            form.Add(new ByteArrayContent(bytes), "photos", name);
        }

        return client.PostAsync("/api/v1/resident/reports", form);
    }

    public static Dictionary<string, string?> ResidentReport(Spot at, string description = "小区门口绿地被人私搭停车棚", int categoryId = 1, string? contactPhone = null) => new()
    {
        ["description"] = description,
        ["categoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["latitude"] = at.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["longitude"] = at.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["contactPhone"] = contactPhone,
    };

    public static async Task<ResidentsApi.ReportReceipt> ResidentReportAsync(this HttpClient client, Dictionary<string, string?> fields, params (string Name, byte[] Bytes)[] photos) =>
        await (await client.TryResidentReportAsync(fields, photos)).ShouldBe<ResidentsApi.ReportReceipt>(HttpStatusCode.Created);

    public static async Task<MyReport> MyReportAsync(this HttpClient client, string number) =>
        await (await client.GetAsync($"/api/v1/resident/reports/mine/{number}")).ShouldBe<MyReport>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryRateAsync(this HttpClient client, string number, string satisfaction, string? comment = null) =>
        client.PostAsJsonAsync($"/api/v1/resident/reports/mine/{number}/rating", new { satisfaction, comment });

    public sealed record TokenResponse(string AccessToken);

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
