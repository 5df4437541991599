using CivicGrid.Web.Events.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>A test class with the application on a fresh database of its own.</summary>
public abstract class AppTest : IAsyncLifetime
{
    protected CivicGridFactory App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected Task<int> GridAsync(string community, int n) => App.QueryAsync(db =>
        db.OrgUnits.Where(u => u.Parent!.Name == community && u.Name == $"第{n}网格").Select(u => u.Id).SingleAsync());

    protected Task<int> UnitAsync(string name) => App.IdOfUnitAsync(name);

    /// <summary>A point well inside the demo grid, where an incident of that grid stands.</summary>
    protected async Task<Spot> SpotInGridAsync(string community, int n) => await App.SpotInGridAsync(await GridAsync(community, n));

    /// <summary>A staff member signs in and takes the action on the event as it stands now, and expects it to succeed.</summary>
    protected async Task ActAsync(string userName, long id, EventAction action, string? note = null, int? target = null, bool publicNote = false)
    {
        var staff = await App.SignInAsync(userName);
        await staff.ActAsync(await staff.GetEventAsync(id), action, note, target, publicNote: publicNote);
    }
}
