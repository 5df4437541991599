using CivicGrid.Web.Calendar;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Demo;
using CivicGrid.Web.Dispatch;
using CivicGrid.Web.Dispatch.Rules;
using CivicGrid.Web.Events;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Indicators;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Registry;
using CivicGrid.Web.Registry.Administration;
using CivicGrid.Web.Registry.Import;
using CivicGrid.Web.Registry.Reports;
using CivicGrid.Web.Residents;
using CivicGrid.Web.Residents.Appointments;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Residents.Home;
using CivicGrid.Web.Residents.Notices;
using CivicGrid.Web.Residents.Reviews;
using CivicGrid.Web.Residents.Suggestions;
using CivicGrid.Web.Residents.Transparency;
using CivicGrid.Web.Supervision;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
// `dotnet run` and the tests serve wwwroot from the build output in every environment, not only
// in Development; a published app has no such manifest, and this does nothing there. Served as
// the build made them: its cache headers (a year for fingerprinted URLs, which change with the
// file; revalidation for the rest) and its compressed copies, where the runtime patching meant
// for editing wwwroot without a build would send no-cache and gzip at level 0. Edit, then build.
builder.WebHost.UseStaticWebAssets();
builder.Configuration["EnableStaticAssetsDevelopmentCaching"] = "true";
builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";

builder.Services.AddPlatformWeb();
builder.Services.AddCaching();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddStaffIdentity();
builder.Services.AddOrganisation();
builder.Services.AddCategories();
builder.Services.AddWorkingCalendar();
builder.Services.AddGeography();
builder.Services.AddEvents();
builder.Services.AddDispatch();
builder.Services.AddSupervision();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddResidents();
builder.Services.AddIndicators();
builder.Services.AddRegistry(builder.Configuration, builder.Environment);
builder.Services.AddDemo();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseResponseCompression();
// Localisation first: problem+json written on the way out is in the caller's language.
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// Files under wwwroot as the build listed them: compressed and fingerprinted at build time, so a
// versioned URL is cached for a year and a phone on 3G never asks for it again.
app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api-docs", options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapIdentityApi();
app.MapOrganisationApi();
app.MapAdministrationApi();
app.MapCategoriesApi();
app.MapCalendarApi();
app.MapEventsApi();
app.MapSupervisionApi();
app.MapDispatchRulesApi();
app.MapGeographyApi();
app.MapLedgerImportApi();
app.MapPlaceCodesApi();
app.MapEventMapApi();
app.MapGridAdministrationApi();
app.MapBuildingAdministrationApi();
app.MapNotificationDeliveriesApi();
app.MapNotificationsApi();
app.MapResidentsApi();
app.MapTransparencyApi();
app.MapCallbacksApi();
app.MapAppointmentsApi();
app.MapReviewsApi();
app.MapSuggestionsApi();
app.MapNoticesApi();
app.MapHomeApi();
app.MapRegistryApi();
app.MapRegistryAdminApi();
app.MapReportsApi();
app.MapIndicatorsApi();
app.MapRazorPages().WithStaticAssets();

await app.InitialiseDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
