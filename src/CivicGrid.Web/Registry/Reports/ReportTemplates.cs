using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Reports;

public sealed record ReportTemplateRequest(string? Name, string? Description, ReportDefinition? Definition, bool IsActive = true);

/// <summary>Administrators define, change and retire templates; a definition is checked whole and refused with all that is wrong.</summary>
public sealed class ReportTemplates(CivicGridDb db, TimeProvider clock)
{
    public async Task<ReportTemplateView> CreateAsync(ReportTemplateRequest request, Caller caller, CancellationToken ct)
    {
        Administrators.ScopeOf(caller);
        var (name, description, definition) = await CheckAsync(request, null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var template = new ReportTemplate
        {
            Name = name,
            Description = description,
            Definition = definition.ToJson(),
            CreatedBy = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
            IsActive = request.IsActive,
        };
        db.ReportTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return ReportBuilder.View(template);
    }

    public async Task<ReportTemplateView> UpdateAsync(int id, ReportTemplateRequest request, Caller caller, CancellationToken ct)
    {
        Administrators.ScopeOf(caller);
        var template = await db.ReportTemplates.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound();
        var (name, description, definition) = await CheckAsync(request, id, ct);
        template.Name = name;
        template.Description = description;
        template.Definition = definition.ToJson();
        template.IsActive = request.IsActive;
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return ReportBuilder.View(template);
    }

    /// <summary>A template, retired or not, for the administrator's form.</summary>
    public async Task<ReportTemplateView> FindAsync(int id, Caller caller, CancellationToken ct)
    {
        Administrators.ScopeOf(caller);
        var template = await db.ReportTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound();
        return ReportBuilder.View(template);
    }

    /// <summary>Retires or reactivates a template as it stands, which the API does by a PUT of the whole template with isActive.</summary>
    public async Task<ReportTemplateView> SetActiveAsync(int id, bool active, Caller caller, CancellationToken ct)
    {
        Administrators.ScopeOf(caller);
        var template = await db.ReportTemplates.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound();
        template.IsActive = active;
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return ReportBuilder.View(template);
    }

    private async Task<(string Name, string? Description, ReportDefinition Definition)> CheckAsync(ReportTemplateRequest request, int? id, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        var tagIds = (await db.CareTags.Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        var validation = new Validation()
            .Text(name, "name", ReportTemplateConfiguration.NameMaxLength)
            .Text(description, "description", ReportTemplateConfiguration.DescriptionMaxLength, required: false);
        if (request.Definition is null)
        {
            validation.Add("definition", "Validation.Required");
        }
        else
        {
            request.Definition.Check(validation, tagIds);
        }

        if (!string.IsNullOrEmpty(name) && await db.ReportTemplates.AnyAsync(t => t.Name == name && t.Id != id, ct))
        {
            validation.Add("name", "Registry.Reports.NameTaken");
        }

        validation.ThrowIfInvalid();
        return (name!, description, request.Definition!.Normalised());
    }
}
