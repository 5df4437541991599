namespace CivicGrid.Web.Categories;

/// <summary>
/// What <c>Categories/_CategoryPicker.cshtml</c> needs: a form field (<paramref name="Name"/>,
/// e.g. "Input.CategoryId") offering the tree as a select with one group per major, which
/// category-picker.js tops with a search box.
/// </summary>
/// <param name="EmptyText">The first, empty option ("choose…", "all categories").</param>
public sealed record CategoryPicker(string Name, int? Selected, IReadOnlyList<CategoryGroup> Tree, string EmptyText, bool Required = true, string TestId = "category")
{
    public string Id => Name.Replace('.', '_');
}
