using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry.Privacy;

/// <summary>ID numbers and phones: encrypted at rest, masked everywhere, shown in full only with a permission and a reason that is audited.</summary>
public sealed class PersonalDataTests : AppTest
{
    private static readonly string Number = RegistryClient.IdNumber("350603", "19380102", 4);

    [Fact]
    public async Task The_database_keeps_no_number_in_plain_text()
    {
        var stored = await App.QueryAsync(db => db.Persons.SingleAsync(p => p.Name == "孙桂兰"));

        var columns = new[] { stored.IdNumberCipher, stored.IdNumberHash, stored.IdNumberMasked, stored.PhoneCipher, stored.PhoneHash, stored.PhoneMasked };
        Assert.All(columns, value => Assert.False(value!.Contains(Number) || value.Contains("13905962003"), value));
        Assert.Equal(("350***********" + Number[^4..], "139****2003"), (stored.IdNumberMasked, stored.PhoneMasked));
    }

    [Fact]
    public async Task Without_the_permission_no_one_sees_a_full_number()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var person = await PersonIdAsync();

        await (await worker.TryUnmaskAsync(person, "IdNumber", "核实低保申请材料")).ShouldBeProblem(HttpStatusCode.Forbidden);

        Assert.Equal(0, await App.QueryAsync(db => db.PersonalDataAccesses.CountAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("看看")]
    public async Task A_permitted_view_needs_a_reason(string? reason)
    {
        await PermitAsync("qiumeiling");
        var worker = await App.SignInAsync("qiumeiling");

        var problem = await (await worker.TryUnmaskAsync(await PersonIdAsync(), "IdNumber", reason)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
        Assert.Equal(0, await App.QueryAsync(db => db.PersonalDataAccesses.CountAsync()));
    }

    [Fact]
    public async Task A_permitted_view_with_a_reason_shows_the_number_and_is_audited()
    {
        await PermitAsync("qiumeiling");
        var worker = await App.SignInAsync("qiumeiling");
        var person = await PersonIdAsync();

        var response = await worker.TryUnmaskAsync(person, "Phone", "上门走访前电话联系");
        var shown = await response.ShouldBe<RegistryApi.Unmasked>(HttpStatusCode.OK);

        Assert.Equal("13905962003", shown.Value);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var audit = await App.QueryAsync(db => db.PersonalDataAccesses.SingleAsync());
        Assert.Equal((person, PersonalField.Phone, "上门走访前电话联系", "邱美灵"), (audit.PersonId, audit.Field, audit.Reason, audit.ByName));
    }

    [Fact]
    public async Task The_permission_reaches_no_further_than_the_reach()
    {
        await PermitAsync("linxiaohua");
        var other = await App.SignInAsync("linxiaohua");

        await (await other.TryUnmaskAsync(await PersonIdAsync(), "IdNumber", "核实低保申请材料")).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.Equal(0, await App.QueryAsync(db => db.PersonalDataAccesses.CountAsync()));
    }

    private Task<long> PersonIdAsync() => App.QueryAsync(db => db.Persons.Where(p => p.Name == "孙桂兰").Select(p => p.Id).SingleAsync());

    private Task PermitAsync(string userName) => App.QueryAsync(db =>
        db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.MayUnmaskPersonalData, true)));
}
