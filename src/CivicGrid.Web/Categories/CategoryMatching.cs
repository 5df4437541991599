using System.Text;

namespace CivicGrid.Web.Categories;

/// <summary>
/// How the picker finds a category from what someone types, on the server and (the same rules,
/// in wwwroot/js/category-picker.js) in the browser: the words anywhere in the plain name, name,
/// English name, a synonym or an example; a whole name or synonym inside a longer phrase typed
/// ("井盖坏了" finds 井盖); or letters that start the pinyin initials of a name or synonym ("jg").
/// </summary>
public sealed class CategoryMatching
{
    private readonly string _query;
    private readonly bool _initials;

    private CategoryMatching(string query)
    {
        _query = query;
        _initials = query.All(char.IsAsciiLetterLower);
    }

    /// <summary>Null when there is nothing to search for.</summary>
    public static CategoryMatching? Parse(string? query) =>
        Normalise(query) is { Length: > 0 } normalised ? new CategoryMatching(normalised) : null;

    public bool Matches(CategoryView category)
    {
        if (Texts(category).Any(t => Normalise(t) is var text && (text.Contains(_query, StringComparison.Ordinal) || (text.Length >= 2 && _query.Contains(text, StringComparison.Ordinal)))))
        {
            return true;
        }

        return _initials && category.Initials.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(t => t.StartsWith(_query, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Texts(CategoryView c) =>
        new[] { c.PlainName, c.Name, c.NameEn }.Concat(c.PlainName.Split('、')).Concat(c.Synonyms).Concat(c.Examples);

    /// <summary>Full-width letters and digits become half width, letters lower case, spaces around go.</summary>
    public static string Normalise(string? text) =>
        (text ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
}
