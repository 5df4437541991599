using System.Net;
using System.Net.Http.Json;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>What administrators do through the API, said in the domain's words.</summary>
public static class AdminClient
{
    public static Task<HttpResponseMessage> TryCreateUnitAsync(this HttpClient client, string kind, string name, string code, int parentId) =>
        client.PostAsJsonAsync("/api/v1/admin/units", new { kind, name, code, parentId });

    public static async Task<UnitRow> CreateUnitAsync(this HttpClient client, string kind, string name, string code, int parentId) =>
        await (await client.TryCreateUnitAsync(kind, name, code, parentId)).ShouldBe<UnitRow>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> TryCreateAccountAsync(this HttpClient client, string userName, string role, int unitId, string password = "Start@2026", string displayName = "新同事") =>
        client.PostAsJsonAsync("/api/v1/admin/accounts", new { userName, displayName, role, unitId, password });

    public static async Task<AccountRow> CreateAccountAsync(this HttpClient client, string userName, string role, int unitId, string password = "Start@2026", string displayName = "新同事") =>
        await (await client.TryCreateAccountAsync(userName, role, unitId, password, displayName)).ShouldBe<AccountRow>(HttpStatusCode.Created);

    public static async Task<IReadOnlyList<UnitRow>> UnitsAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/admin/units")).ShouldBe<List<UnitRow>>(HttpStatusCode.OK);

    public static async Task<IReadOnlyList<AccountRow>> AccountsAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/admin/accounts")).ShouldBe<List<AccountRow>>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryTokenAsync(this HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
}
