using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Indicators.Cells;

public sealed class UnitCellConfiguration : IEntityTypeConfiguration<UnitCell>
{
    public void Configure(EntityTypeBuilder<UnitCell> c)
    {
        c.ToTable("UnitCells");
        // A dashboard reads one unit's cohort over some months; compaction reads one unit's cohort-month.
        c.HasIndex(x => new { x.UnitId, x.Cohort, x.Month });
    }
}

public sealed class UnitStepConfiguration : IEntityTypeConfiguration<UnitStep>
{
    public void Configure(EntityTypeBuilder<UnitStep> s)
    {
        s.ToTable("UnitSteps");
        s.HasIndex(x => new { x.UnitId, x.Month });
    }
}

public sealed class UnitSquareConfiguration : IEntityTypeConfiguration<UnitSquare>
{
    public void Configure(EntityTypeBuilder<UnitSquare> s)
    {
        s.ToTable("UnitSquares");
        s.HasIndex(x => new { x.UnitId, x.Month });
    }
}
