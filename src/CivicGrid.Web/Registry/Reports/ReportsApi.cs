using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>一表通 over the API: the templates, a computed table as JSON or .xlsx, and templates defined by administrators.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/registry/reports").WithTags("Registry").RequireStaffApi();
        api.MapGet("/templates", TemplatesAsync).WithSummary("The active report templates (一表通), standard ones first");
        api.MapGet("/{id:int}", TableAsync)
            .WithSummary("A template computed for a place of the caller's reach on a day")
            .WithDescription("unitId: a district, street, community or grid whose grids are all in the caller's reach (default: the caller's own place; another is 404). " +
                "date: yyyy-MM-dd, default today (China time): residences moved in on or before and not moved out by then, ages on that day, care tags set by then.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{id:int}/xlsx", WorkbookAsync)
            .WithSummary("The same table as the standard .xlsx (title, unit and date, headers, rows, 合计, 制表单位/制表日期)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = routes.MapGroup("/api/v1/registry/reports/templates").WithTags("Registry").RequireStaffApi().RequireAdministrator();
        admin.MapPost("/", CreateAsync).WithSummary("Define a template: rows, counted columns with their filters, template filters").ProducesValidationProblem();
        admin.MapPut("/{id:int}", UpdateAsync).WithSummary("Change or retire (isActive false) a template").ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ReportTemplateView>>> TemplatesAsync(ReportBuilder reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.TemplatesAsync(includeRetired: false, ct));

    private static async Task<Ok<ReportTable>> TableAsync(int id, int? unitId, DateOnly? date, ReportBuilder reports, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await reports.BuildAsync(id, unitId, date, await callers.GetAsync(ct), ct));

    private static async Task<FileContentHttpResult> WorkbookAsync(int id, int? unitId, DateOnly? date, ReportBuilder reports, CallerAccessor callers, IStringLocalizer<Text> text, TimeProvider clock, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        var table = await reports.BuildAsync(id, unitId, date, caller, ct);
        return Workbook(table, caller, text, clock);
    }

    /// <summary>The .xlsx download; the page's export button sends the same file.</summary>
    public static FileContentHttpResult Workbook(ReportTable table, Caller caller, IStringLocalizer<Text> text, TimeProvider clock)
    {
        var date = table.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var today = LocalTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var bytes = ReportWorkbook.Write(table, text["Registry.Reports.UnitAndDate", table.UnitName, date], text["Registry.Reports.Footer", caller.UnitName, today]);
        return TypedResults.File(bytes, ReportWorkbook.ContentType, ReportWorkbook.FileName(table));
    }

    private static async Task<Created<ReportTemplateView>> CreateAsync(ReportTemplateRequest request, ReportTemplates templates, CallerAccessor callers, CancellationToken ct)
    {
        var template = await templates.CreateAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/registry/reports/{template.Id}", template);
    }

    private static async Task<Ok<ReportTemplateView>> UpdateAsync(int id, ReportTemplateRequest request, ReportTemplates templates, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await templates.UpdateAsync(id, request, await callers.GetAsync(ct), ct));
}
