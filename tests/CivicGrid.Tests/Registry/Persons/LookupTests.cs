using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Persons;

namespace CivicGrid.Tests.Registry.Persons;

/// <summary>录入即带出: typing a number fills the form from what the registry knows, or from what the number says.</summary>
public sealed class LookupTests : AppTest
{
    [Fact]
    public async Task A_new_id_number_fills_sex_birth_date_and_registration_place_from_the_number()
    {
        var worker = await App.SignInAsync("qiumeiling");

        var prefill = await (await worker.TryLookupAsync(idNumber: RegistryClient.IdNumber("420106", "19600229", 22))).ShouldBe<PersonPrefill>(HttpStatusCode.OK);

        Assert.Equal((false, Sex.Female, new DateOnly(1960, 2, 29), "湖北省武汉市武昌区", (string?)null),
            (prefill.IsKnown, prefill.Sex, prefill.BirthDate, prefill.RegistrationPlace, prefill.Name));
    }

    [Fact]
    public async Task A_known_id_number_brings_the_person_even_from_another_grid_but_not_their_phone()
    {
        var other = await App.SignInAsync("linxiaohua");

        var prefill = await (await other.TryLookupAsync(idNumber: RegistryClient.IdNumber("350603", "19380102", 4))).ShouldBe<PersonPrefill>(HttpStatusCode.OK);

        Assert.Equal((true, "孙桂兰", (string?)null), (prefill.IsKnown, prefill.Name, prefill.PhoneMasked));
        Assert.Empty(prefill.CareTagIds);
    }

    [Fact]
    public async Task A_phone_finds_people_of_my_reach_only()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var other = await App.SignInAsync("linxiaohua");

        var found = await (await worker.TryLookupAsync(phone: "13905962003")).ShouldBe<PersonPrefill>(HttpStatusCode.OK);
        Assert.Equal(("孙桂兰", "350***********" + RegistryClient.IdNumber("350603", "19380102", 4)[^4..]), (found.Name, found.IdNumberMasked));
        await (await other.TryLookupAsync(phone: "13905962003")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_number_is_refused_with_the_part_that_is_wrong()
    {
        var worker = await App.SignInAsync("qiumeiling");

        var problem = await (await worker.TryLookupAsync(idNumber: "35060319380230004X")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Equal("BirthDate", problem.GetProperty("citizenIdError").GetString());
        await (await worker.TryLookupAsync()).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_department_without_a_grant_cannot_look_anyone_up()
    {
        var department = await App.SignInAsync("liuqiang");

        await (await department.TryLookupAsync(idNumber: RegistryClient.IdNumber("350603", "19380102", 4))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Changing_a_person_keeps_the_old_and_new_values_in_the_history_with_numbers_masked()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var idNumber = RegistryClient.IdNumber("350603", "19380102", 4);
        var prefill = await (await worker.TryLookupAsync(idNumber: idNumber)).ShouldBe<PersonPrefill>(HttpStatusCode.OK);

        await (await worker.PutAsJsonAsync($"/api/v1/registry/persons/{prefill.PersonId}",
            new PersonInput("孙桂兰", idNumber, "13905969999", "福建省漳州市龙文区蓝田街道"))).ShouldBe(HttpStatusCode.NoContent);

        var person = await worker.PersonAsync(prefill.PersonId!.Value);
        Assert.Equal(("139****9999", "福建省漳州市龙文区蓝田街道"), (person.PhoneMasked, person.RegistrationPlace));
        var phone = person.History.Single(c => c.Field == PersonFields.Phone);
        Assert.Equal(("139****2003", "139****9999", "邱美灵"), (phone.OldValue, phone.NewValue, phone.ByName));
        Assert.Contains(person.History, c => c.Field == nameof(Person.RegistrationPlace) && c.OldValue == "福建省漳州市龙文区" && c.NewValue == "福建省漳州市龙文区蓝田街道");
    }

    [Fact]
    public async Task The_id_number_of_a_person_cannot_be_changed_by_an_update()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var prefill = await (await worker.TryLookupAsync(idNumber: RegistryClient.IdNumber("350603", "19380102", 4))).ShouldBe<PersonPrefill>(HttpStatusCode.OK);

        await (await worker.PutAsJsonAsync($"/api/v1/registry/persons/{prefill.PersonId}",
            new PersonInput("孙桂兰", RegistryClient.IdNumber("350603", "19380102", 6)))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Equal("孙桂兰", (await worker.PersonAsync(prefill.PersonId!.Value)).Name);
    }
}
