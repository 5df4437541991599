using System.Text.Json;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Web.Geography;

/// <summary>
/// 网格导入导出: upload a grid file, see it on the map with its problems, confirm. The file waits
/// server-side between preview and confirmation (<see cref="GridImportUploads"/>); the
/// confirmation reads it and checks it again, so what is imported is what the server previewed.
/// </summary>
[Authorize(Policy = Administrators.Policy)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class GridImportModel(
    GridImport imports,
    GridImportUploads uploads,
    CallerAccessor callers,
    IOptions<GeographyOptions> geography,
    IStringLocalizer<Text> text,
    TimeProvider clock) : PageModel
{
    private const long MaxRequestBytes = GridImport.MaxFileBytes + (1024 * 1024);

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The token of the uploaded file being previewed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Upload { get; set; }

    [BindProperty]
    public IFormFile? GeoJsonFile { get; set; }

    [BindProperty]
    public bool AcceptWarnings { get; set; }

    public GridImportPlan? Plan { get; private set; }

    /// <summary>Why nothing was uploaded or imported, in words.</summary>
    public string? Refusal { get; private set; }

    public (int Created, int Updated, int Unchanged)? Imported { get; private set; }

    public string MapTilesJson => JsonSerializer.Serialize(geography.Value.MapTiles, JsonSerializerOptions.Web);

    public async Task OnGetAsync(int? created, int? updated, int? unchanged, CancellationToken ct)
    {
        if (created is not null && updated is not null && unchanged is not null)
        {
            Imported = (created.Value, updated.Value, unchanged.Value);
        }

        if (Upload is null)
        {
            return;
        }

        var caller = await callers.GetAsync(ct);
        if (await uploads.FindAsync(Upload, caller, ct) is { } file)
        {
            Plan = await imports.CheckAsync(file, caller, ct);
        }
        else
        {
            Refusal = text["Grid.Import.Expired"];
            Upload = null;
        }
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (GeoJsonFile is not { Length: > 0 })
        {
            return Refuse(StatusCodes.Status400BadRequest, text["Grid.Import.NoFile"]);
        }

        if (GeoJsonFile.Length > GridImport.MaxFileBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, text.Describe(GridImport.TooLarge()));
        }

        using var content = new MemoryStream();
        await GeoJsonFile.CopyToAsync(content, ct);
        var token = await uploads.KeepAsync(content.ToArray(), await callers.GetAsync(ct), ct);
        return RedirectToPage(new { upload = token });
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (await uploads.FindAsync(Upload, caller, ct) is not { } file)
        {
            Upload = null;
            return Refuse(StatusCodes.Status409Conflict, text["Grid.Import.Expired"]);
        }

        Plan = await imports.CheckAsync(file, caller, ct);
        try
        {
            await imports.ImportAsync(Plan, AcceptWarnings, caller, ct);
        }
        catch (DomainException refusal)
        {
            return Refuse(refusal.Status, text.Describe(refusal));
        }

        uploads.Remove(Upload, caller);
        return RedirectToPage(new
        {
            created = Plan.Count(GridImportAction.Create),
            updated = Plan.Count(GridImportAction.Update),
            unchanged = Plan.Count(GridImportAction.Unchanged),
        });
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var features = await imports.ExportAsync(await callers.GetAsync(ct), ct);
        using var output = new MemoryStream();
        GridFile.Write(output, features);
        return File(output.ToArray(), GridImport.ContentType, GridImport.ExportFileName(LocalTime.Today(clock)));
    }

    /// <summary>
    /// The file's grids for the preview map, each with its state (ok, warning, error), and the
    /// places problems point at. Areas in a projected system are left out: they would not land on the map.
    /// </summary>
    public string PreviewGeoJson()
    {
        var plan = Plan ?? throw new InvalidOperationException("No preview.");
        var projected = plan.Problems.Where(p => p.Reason == GridFileReasons.OutOfRange).Select(p => p.FeatureIndex).ToHashSet();
        var collection = new FeatureCollection();
        foreach (var row in plan.Rows)
        {
            if (plan.Features[row.Index].Area is { IsEmpty: false } area && !projected.Contains(row.Index))
            {
                collection.Add(new Feature(area, new AttributesTable
                {
                    { "index", row.Index },
                    { "code", row.Code ?? "" },
                    { "name", row.Name ?? "" },
                    { "state", StateOf(row.Severity) },
                }));
            }
        }

        foreach (var problem in plan.Problems.Where(p => p.Where is { IsEmpty: false }))
        {
            collection.Add(new Feature(problem.Where, new AttributesTable
            {
                { "problem", StateOf(problem.Severity) },
                { "index", problem.FeatureIndex ?? -1 },
                { "reason", text[problem.Reason].Value },
            }));
        }

        return JsonSerializer.Serialize(collection, GeoJson);
    }

    public static string StateOf(ProblemSeverity? severity) => severity switch
    {
        ProblemSeverity.Error => "error",
        ProblemSeverity.Warning => "warning",
        _ => "ok",
    };

    private PageResult Refuse(int status, string why)
    {
        Refusal = why;
        Response.StatusCode = status;
        return Page();
    }
}
