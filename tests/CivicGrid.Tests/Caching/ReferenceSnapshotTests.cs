using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Caching;

/// <summary>The in-memory copies of reference tables never outlive the rows they were built from.</summary>
public sealed class ReferenceSnapshotTests : AppTest
{
    [Fact]
    public async Task A_change_saved_inside_a_transaction_is_seen_once_the_transaction_commits()
    {
        var tree = App.Services.GetRequiredService<ReferenceSnapshot<OrganisationTree>>();
        var community = await UnitAsync("毅阳社区");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        (await db.OrgUnits.SingleAsync(u => u.Id == community)).Name = "毅阳新社区";
        await db.SaveChangesAsync();

        // A request in between rebuilds the snapshot from what is committed: the old name.
        Assert.Equal("毅阳社区", (await tree.GetAsync(default)).NameOf(community));
        await transaction.CommitAsync();

        Assert.Equal("毅阳新社区", (await tree.GetAsync(default)).NameOf(community));
    }
}
