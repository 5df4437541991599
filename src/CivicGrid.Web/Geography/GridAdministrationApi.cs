using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Geography;

/// <summary>What an import did or would do: counts, every feature and every problem in words.</summary>
public sealed record GridImportReport(
    bool Imported,
    bool HasErrors,
    bool HasWarnings,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<GridImportRow> Features,
    IReadOnlyList<GridImportProblemView> Problems)
{
    public static GridImportReport Of(GridImportPlan plan, bool imported, IStringLocalizer text) => new(
        imported, plan.HasErrors, plan.HasWarnings,
        plan.Count(GridImportAction.Create), plan.Count(GridImportAction.Update), plan.Count(GridImportAction.Unchanged),
        plan.Rows, ProblemsOf(plan, text));

    public static IReadOnlyList<GridImportProblemView> ProblemsOf(GridImportPlan plan, IStringLocalizer text) =>
        plan.Problems.Select(p => new GridImportProblemView(p.FeatureIndex, p.Code, p.Severity, p.Reason, text[p.Reason], p.Detail)).ToList();
}

/// <summary>A problem of the file: <see cref="Reason"/> is the text key, <see cref="Message"/> its words in the caller's language, <see cref="Detail"/> plain English specifics.</summary>
public sealed record GridImportProblemView(int? Index, string? Code, ProblemSeverity Severity, string Reason, string Message, string Detail);

/// <summary>Grid files of the administrator's own subtree, in and out (the same as the import page).</summary>
public static class GridAdministrationApi
{
    public static RouteGroupBuilder MapGridAdministrationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/admin/grids").WithTags("Administration").RequireStaffApi().RequireAdministrator();
        api.MapPost("/import", ImportAsync)
            .Accepts<object>("application/geo+json", "application/json")
            .WithMetadata(new RequestSizeLimitAttribute(GridImport.MaxFileBytes + 1L))
            .WithSummary("Check a grid file (GeoJSON FeatureCollection with code, name, parent) and, with dryRun=false, import it")
            .WithDescription("The body is the file itself. dryRun defaults to true: the answer lists what would be created, updated or left unchanged and every problem, and nothing is stored. "
                + "With dryRun=false the file is imported in one transaction, or refused with 422 problem+json listing the problems: any error refuses it, warnings refuse it unless acceptWarnings=true.");
        api.MapGet("/export", ExportAsync).WithSummary("The grids of my subtree as a GeoJSON FeatureCollection in the import format");
        return api;
    }

    private static async Task<Ok<GridImportReport>> ImportAsync(
        bool? dryRun, bool? acceptWarnings, HttpRequest request, GridImport imports, CallerAccessor callers, IStringLocalizer<Text> text, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        var plan = await imports.CheckAsync(await ReadFileAsync(request.Body, ct), caller, ct);
        if (dryRun ?? true)
        {
            return TypedResults.Ok(GridImportReport.Of(plan, imported: false, text));
        }

        var accept = acceptWarnings ?? false;
        if (!plan.MayImport(accept))
        {
            var refusal = GridImport.Refusal(plan);
            refusal.Extensions["problems"] = GridImportReport.ProblemsOf(plan, text);
            throw refusal;
        }

        await imports.ImportAsync(plan, accept, caller, ct);
        return TypedResults.Ok(GridImportReport.Of(plan, imported: true, text));
    }

    private static async Task<FileContentHttpResult> ExportAsync(GridImport imports, CallerAccessor callers, TimeProvider clock, CancellationToken ct)
    {
        var features = await imports.ExportAsync(await callers.GetAsync(ct), ct);
        using var output = new MemoryStream();
        GridFile.Write(output, features);
        return TypedResults.File(output.ToArray(), GridImport.ContentType, GridImport.ExportFileName(LocalTime.Today(clock)));
    }

    /// <summary>The whole body, refused past <see cref="GridImport.MaxFileBytes"/> without reading on.</summary>
    private static async Task<byte[]> ReadFileAsync(Stream body, CancellationToken ct)
    {
        using var file = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (file.Length + read > GridImport.MaxFileBytes)
            {
                throw GridImport.TooLarge();
            }

            file.Write(buffer, 0, read);
        }

        return file.ToArray();
    }
}
