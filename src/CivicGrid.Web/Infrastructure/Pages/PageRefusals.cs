using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Infrastructure.Pages;

/// <summary>Shows a domain refusal beside the form, in the same words the API would use.</summary>
public static class PageRefusals
{
    /// <param name="fieldName">Maps a field of the service (camelCase, as in problem+json) to the form's input name.</param>
    public static void AddRefusal(this ModelStateDictionary state, IStringLocalizer<Text> text, DomainException refusal, Func<string, string> fieldName)
    {
        state.AddModelError(string.Empty, text.Describe(refusal));
        foreach (var (field, keys) in refusal.FieldErrors)
        {
            foreach (var key in keys)
            {
                state.AddModelError(fieldName(field), text[key]);
            }
        }
    }

    /// <summary>"categoryId" → "Input.CategoryId".</summary>
    public static string Under(string prefix, string field) =>
        field.Length == 0 ? prefix : $"{prefix}.{Property(field)}";

    /// <summary>"phone" → "Phone": a field of the service as the page model's property bound to it.</summary>
    public static string Property(string field) =>
        field.Length == 0 ? field : $"{char.ToUpperInvariant(field[0])}{field[1..]}";
}
