using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Residents.Suggestions;

/// <summary>The suggestion box (section "Residents:Suggestions").</summary>
public sealed class SuggestionOptions
{
    public const string Section = "Residents:Suggestions";

    /// <summary>Suggestions one resident may send per day (China time); more are refused with 429 until the next day.</summary>
    [Range(1, 1000)]
    public int PerDay { get; set; } = 5;
}
