using System.Globalization;
using System.Text;

namespace CivicGrid.Web.Events.Search;

/// <summary>A term a search asks for: the whole term, or any term starting with it.</summary>
public sealed record QueryTerm(string Text, bool IsPrefix);

/// <summary>
/// Cuts text into the terms the full-text indexes of both databases hold. Chinese has no spaces
/// between words and the usual query is a two-character word (绿地, 停车), so runs of Chinese
/// characters become overlapping pairs of characters (bigrams, as Lucene's CJK analyser does),
/// plus the last character of the run alone so a one-character query still finds every place
/// it stands. Letters and digits form words, folded to lower case and half width.
/// </summary>
/// <remarks>
/// Written here rather than taken from a library: neither PostgreSQL (without zhparser or
/// pg_bigm, which a plain server lacks) nor SQLite's FTS5 tokenisers segment Chinese, and
/// a dictionary segmenter would miss place names; bigrams need no dictionary and both engines
/// index the terms we hand them as they are.
/// </remarks>
public static class SearchTerms
{
    /// <summary>Words longer than this are cut: nobody types forty characters of one identifier.</summary>
    public const int MaxWordLength = 40;

    /// <summary>The distinct terms of the texts, separated by single spaces, for the index.</summary>
    public static string Of(params string?[] texts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var (run, isWord) in Runs(text))
            {
                if (isWord)
                {
                    terms.Add(run);
                    // A serial such as 000123 is read aloud as 123.
                    if (run.Length > 1 && run[0] == '0' && run.All(char.IsAsciiDigit) && run.TrimStart('0') is { Length: > 0 } serial)
                    {
                        terms.Add(serial);
                    }

                    continue;
                }

                for (var i = 0; i + 1 < run.Length; i++)
                {
                    terms.Add(run.Substring(i, 2));
                }

                terms.Add(run[^1..]);
            }
        }

        return string.Join(' ', terms);
    }

    /// <summary>
    /// The terms every match must hold. Words match as prefixes (a number's first digits); a
    /// Chinese run of two or more characters needs all its pairs, one character matches any term
    /// starting with it. The pairs may stand apart in a text, so callers recheck the exact phrase.
    /// </summary>
    public static IReadOnlyList<QueryTerm> Query(string? query)
    {
        var terms = new List<QueryTerm>();
        foreach (var (run, isWord) in Runs(query))
        {
            if (isWord || run.Length == 1)
            {
                terms.Add(new QueryTerm(run, IsPrefix: true));
                continue;
            }

            for (var i = 0; i + 1 < run.Length; i++)
            {
                terms.Add(new QueryTerm(run.Substring(i, 2), IsPrefix: false));
            }
        }

        return terms.Distinct().ToList();
    }

    /// <summary>Runs of word characters (letters other than CJK, digits) and runs of CJK characters; everything else separates.</summary>
    private static IEnumerable<(string Run, bool IsWord)> Runs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var start = 0;
        var kind = CharKind.Separator;
        for (var i = 0; i <= normalised.Length; i++)
        {
            var next = i < normalised.Length ? KindOf(normalised[i]) : CharKind.Separator;
            if (next == kind)
            {
                continue;
            }

            if (kind != CharKind.Separator)
            {
                var run = normalised[start..i];
                yield return kind == CharKind.Word ? (run.Length > MaxWordLength ? run[..MaxWordLength] : run, true) : (run, false);
            }

            (start, kind) = (i, next);
        }
    }

    /// <summary>
    /// CJK ideographs, kana and hangul are "other letters". Characters outside the basic plane
    /// (rare ideographs, emoji) separate, so a pair never splits one of them in half.
    /// </summary>
    private static CharKind KindOf(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.OtherLetter => CharKind.Cjk,
        _ when char.IsLetterOrDigit(c) => CharKind.Word,
        _ => CharKind.Separator,
    };

    private enum CharKind
    {
        Separator,
        Word,
        Cjk,
    }
}
