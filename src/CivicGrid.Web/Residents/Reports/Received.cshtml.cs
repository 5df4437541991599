using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>The thank-you after an anonymous report: its number, and nothing about it that the number alone would unlock.</summary>
[AllowAnonymous]
public sealed class ReceivedModel : PageModel
{
    public string Number { get; private set; } = string.Empty;

    public void OnGet(string number) => Number = number;
}
