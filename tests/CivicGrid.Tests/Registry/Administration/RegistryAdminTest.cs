using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Registry.Administration;

/// <summary>Registry administration tests, with persons registered and numbers unmasked through the registry's own services.</summary>
public abstract class RegistryAdminTest : AppTest
{
    /// <summary>A valid citizen ID number of 龙文区 for a birth date and sequence (GB 11643-1999 check character).</summary>
    protected static string IdNumber(string birth, int sequence)
    {
        var body = $"350603{birth}{sequence:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    protected async Task<Caller> CallerAsync(string userName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGrid.Web.Infrastructure.Database.CivicGridDb>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<CallerAccessor>().FindAsync(id, CancellationToken.None))!;
    }

    /// <summary>Runs a registry service as a staff member would through a request of their own.</summary>
    protected async Task<T> AsAsync<TService, T>(string userName, Func<TService, Caller, Task<T>> act) where TService : notnull
    {
        var caller = await CallerAsync(userName);
        await using var scope = App.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TService>(), caller);
    }

    /// <summary>The first building of a demo grid.</summary>
    protected async Task<int> BuildingInAsync(string community, int grid)
    {
        var gridId = await GridAsync(community, grid);
        return await App.QueryAsync(db => db.Buildings.Where(b => b.GridId == gridId).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());
    }

    /// <summary>A staff member of the place adds a room to the building and registers a person there.</summary>
    protected async Task<long> RegisterAsync(string registrar, int buildingId, string room, string name, string idNumber, string? phone = null)
    {
        var roomId = await AsAsync<HousingDesk, long>(registrar, (desk, caller) => desk.AddRoomAsync(buildingId, new RoomInput(null, room), caller, CancellationToken.None));
        var registered = await AsAsync<HousingDesk, Registered>(registrar, (desk, caller) => desk.RegisterAsync(
            roomId, new ResidentInput(new PersonInput(name, idNumber, phone), null, HouseholdRelation.Head, ResidenceType.Registered), caller, CancellationToken.None));
        return registered.PersonId;
    }

    protected Task<string> UnmaskAsync(string userName, long personId, string reason, PersonalField field = PersonalField.IdNumber) =>
        AsAsync<PersonDesk, string>(userName, (desk, caller) => desk.UnmaskAsync(personId, field, reason, caller, CancellationToken.None));
}
