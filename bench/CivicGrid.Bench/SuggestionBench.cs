using CivicGrid.Web.Categories;

namespace CivicGrid.Bench;

/// <summary>
/// Category suggestion against a labelled set (bench/data/category-suggestions.tsv: description,
/// expected code): top-1 and top-3 accuracy over the standard catalogue, and every miss with
/// what was suggested instead and why.
/// </summary>
public static class SuggestionBench
{
    public static void Run(string path)
    {
        var suggester = StandardCategories.Catalogue().Suggestions;
        var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        var (top1, top3) = (0, 0);
        foreach (var row in rows)
        {
            var (text, expected) = (row[0], row[1]);
            var suggested = suggester.Suggest(text);
            var rank = suggested.Select(s => s.Category.Code).ToList().IndexOf(expected);
            top1 += rank == 0 ? 1 : 0;
            top3 += rank >= 0 ? 1 : 0;
            if (rank != 0)
            {
                var got = string.Join("  ", suggested.Select(s => $"{s.Category.Code} {s.Category.Name} {s.Score:F1} [{string.Join('、', s.Matched)}]"));
                Console.WriteLine($"{(rank < 0 ? "MISS" : $"#{rank + 1}  ")}  {expected}  {text}\n        → {(got.Length > 0 ? got : "(nothing)")}");
            }
        }

        Console.WriteLine($"{rows.Count} descriptions · top-1 {top1 / (double)rows.Count:P1} ({top1}) · top-3 {top3 / (double)rows.Count:P1} ({top3})");
    }
}
