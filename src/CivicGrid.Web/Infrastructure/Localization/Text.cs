namespace CivicGrid.Web.Infrastructure.Localization;

/// <summary>
/// Marker for the platform's user-facing texts: Text.resx holds Simplified Chinese (the
/// default), Text.en.resx English.
/// </summary>
public sealed class Text;
