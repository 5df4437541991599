using System.Globalization;
using System.Text.Json;
using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Web.Geography;

/// <summary>
/// 楼栋: a building of the caller's area with its units, where it stands, its recent events and
/// its QR code; for staff whose registry reach covers it, its rooms and residents with the forms
/// to add rooms and to register and move out people (the partial Registry/Housing/_BuildingRegistry).
/// </summary>
[Authorize(Policy = PlaceScope.Policy)]
public sealed class BuildingModel(
    BuildingQueries buildings,
    PlaceCodes codes,
    EventQueries events,
    QrCodes qr,
    IOptions<GeographyOptions> geography,
    CallerAccessor callers,
    BuildingRegistry registry,
    HousingDesk housing,
    PersonDesk persons,
    ChangeLines changeLines,
    CareTagList careTags,
    TimeProvider clock,
    IStringLocalizer<Text> text) : PageModel
{
    /// <summary>Where a refusal of a registry form that belongs to no one field is shown.</summary>
    public const string RegistryErrors = "Registry";

    public const int RecentEvents = 10;

    private static readonly JsonSerializerOptions GeoJson = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Null when the building does not exist for the caller: the page says so with a 404.</summary>
    public BuildingDetail? Building { get; private set; }

    public PlaceCodeView? Code { get; private set; }

    public string QrSvg { get; private set; } = "";

    public Page<EventSummary> Events { get; private set; } = new([], 1, RecentEvents, 0);

    public bool MayRevoke { get; private set; }

    /// <summary>Set after a revocation, so the page can ask for the new label to be printed.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Revoked { get; set; }

    /// <summary>Null when the caller's registry reach does not cover the building: the section is absent.</summary>
    public BuildingRegistryView? Registry { get; private set; }

    public IReadOnlyList<string> RecentChangeLines { get; private set; } = [];

    public IReadOnlyList<CareTagOption> CareTags { get; private set; } = [];

    public DateOnly Today => LocalTime.Today(clock);

    /// <summary>The room just worked on, opened on the page and chosen in the registration form.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Room { get; set; }

    [BindProperty]
    public RoomForm NewRoom { get; set; } = new();

    [BindProperty]
    public ResidentForm Resident { get; set; } = new();

    public string MapTilesJson => JsonSerializer.Serialize(geography.Value.MapTiles, JsonSerializerOptions.Web);

    public string? GridAreaJson => Building?.GridArea is { } area ? JsonSerializer.Serialize(area, GeoJson) : null;

    public static string Degrees(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, await callers.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostRevokeAsync(int id, string? token, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            await codes.RevokeAsync(token ?? "", caller, ct);
            return RedirectToPage(new { id, revoked = true });
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(string.Empty, text.Describe(refusal));
            await LoadAsync(id, caller, ct);
            Response.StatusCode = Building is null ? StatusCodes.Status404NotFound : refusal.Status;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAddRoomAsync(int id, CancellationToken ct) =>
        await RegistryAsync(id, "NewRoom", async caller =>
        {
            var room = await housing.AddRoomAsync(id, new RoomInput(NewRoom.UnitId, NewRoom.Number, NewRoom.Use), caller, ct);
            return AfterRegistryChange(id, room);
        }, ct);

    public async Task<IActionResult> OnPostRoomUseAsync(int id, long roomId, RoomUse use, CancellationToken ct) =>
        await RegistryAsync(id, RegistryErrors, async caller =>
        {
            await housing.ChangeRoomUseAsync(await RoomOfBuildingAsync(id, roomId, caller, ct), use, caller, ct);
            return AfterRegistryChange(id, roomId);
        }, ct);

    public async Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken ct) =>
        await RegistryAsync(id, "Resident", async caller =>
        {
            var roomId = await RoomOfBuildingAsync(id, Resident.RoomId, caller, ct);
            await FillKnownPersonAsync(caller, ct);
            await housing.RegisterAsync(roomId, Resident.ToInput(), caller, ct);
            return AfterRegistryChange(id, roomId);
        }, ct);

    public async Task<IActionResult> OnPostMoveOutAsync(int id, long residenceId, long roomId, DateOnly? movedOutOn, CancellationToken ct) =>
        await RegistryAsync(id, RegistryErrors, async caller =>
        {
            await housing.MoveOutAsync(residenceId, movedOutOn, caller, ct);
            return AfterRegistryChange(id, roomId);
        }, ct);

    /// <summary>录入即带出: what the registry or the number itself says about a typed ID number or phone, for the form's script.</summary>
    public async Task<IActionResult> OnGetLookupAsync(string? idNumber, string? phone, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        try
        {
            var prefill = await persons.LookupAsync(idNumber, phone, await callers.GetAsync(ct), ct);
            return new JsonResult(LookupAnswer.Of(prefill, Today, text));
        }
        catch (DomainException refusal)
        {
            return new JsonResult(LookupAnswer.Refused(Message(refusal))) { StatusCode = refusal.Status };
        }
    }

    /// <summary>Without script the form arrives with the number only: a person the registry knows keeps their name.</summary>
    private async Task FillKnownPersonAsync(Caller caller, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Resident.Name) || string.IsNullOrWhiteSpace(Resident.IdNumber) || !CitizenId.Parse(Resident.IdNumber, Today).IsValid)
        {
            return;
        }

        if (await persons.LookupAsync(Resident.IdNumber, null, caller, ct) is { IsKnown: true } known)
        {
            Resident.Name = known.Name;
        }
    }

    /// <summary>A room is worked on from its own building's page only.</summary>
    private async Task<long> RoomOfBuildingAsync(int id, long? roomId, Caller caller, CancellationToken ct)
    {
        var view = await registry.ForBuildingAsync(id, caller, ct);
        if (roomId is not { } room || view.Rooms.All(r => r.Id != room))
        {
            new Validation().Require(false, "roomId", "Registry.Page.ChooseRoom").ThrowIfInvalid();
        }

        return roomId!.Value;
    }

    private RedirectToPageResult AfterRegistryChange(int id, long roomId) =>
        RedirectToPage(null, null, new { id, room = roomId }, $"room-{roomId}");

    /// <summary>Runs a registry form; a refusal shows beside the form's fields and changes nothing.</summary>
    private async Task<IActionResult> RegistryAsync(int id, string form, Func<Caller, Task<IActionResult>> act, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            return await act(caller);
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(form == RegistryErrors ? RegistryErrors : $"{form}.Form", Message(refusal));
            foreach (var (field, keys) in refusal.FieldErrors)
            {
                foreach (var key in keys)
                {
                    ModelState.AddModelError(PageRefusals.Under(form, field), text[key]);
                }
            }

            if (refusal.Extensions.ContainsKey("citizenIdError"))
            {
                ModelState.AddModelError(PageRefusals.Under(form, "idNumber"), text.Describe(refusal));
            }

            await LoadAsync(id, caller, ct);
            Response.StatusCode = Building is null || Registry is null ? StatusCodes.Status404NotFound : refusal.Status;
            return Page();
        }
    }

    private string Message(DomainException refusal) =>
        refusal.FieldErrors.Count > 0
            ? string.Join("；", refusal.FieldErrors.SelectMany(e => e.Value).Distinct().Select(key => text[key].Value))
            : text.Describe(refusal);

    private async Task LoadAsync(int id, Caller caller, CancellationToken ct)
    {
        try
        {
            Building = await buildings.DetailAsync(id, caller, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Code = await codes.ActiveCodeAsync(new PlaceRef(PlaceCodeKind.Building, id), caller, ct);
        QrSvg = qr.Svg(Code.Url);
        MayRevoke = PlaceScope.ManagesCodes(caller, Building.GridPath);
        Events = await events.SearchAsync(new EventFilter(BuildingId: id), new PageRequest(1, RecentEvents), caller, ct);
        try
        {
            Registry = await registry.ForBuildingAsync(id, caller, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return;
        }

        RecentChangeLines = await changeLines.DescribeAsync(Registry.RecentChanges, ct);
        CareTags = await careTags.OfferedAsync(ct);
    }
}
