using CivicGrid.Web.Events.Search;

namespace CivicGrid.Web.Categories;

/// <summary>A likely category for a description, with the words of the description that point to it.</summary>
public sealed record CategorySuggestion(CategoryView Category, CategoryView Major, double Score, IReadOnlyList<string> Matched);

/// <summary>
/// Suggests categories from a description by transparent scoring (docs/decisions/0008): the
/// description and every minor category are cut into terms as search cuts them (Chinese character
/// pairs, whole words, <see cref="SearchTerms"/>); each term of the description found in a
/// category scores its rarity across categories (IDF) times the weight of the field it stands in.
/// The reason shown is the stretches of the description made of matching terms.
/// </summary>
public sealed class CategorySuggester
{
    /// <summary>What a matching term is worth by where it stands: names and synonyms say what the category is, examples and the major only hint.</summary>
    private const double NameWeight = 1.5, SynonymWeight = 1.2, ExampleWeight = 1, MajorWeight = 0.3;

    /// <summary>Pairs made of a particle and anything (坏了, 的路) say nothing about the category.</summary>
    private const string Particles = "的了吗呢吧啊";

    /// <summary>Everyday words of any report, which would otherwise tie a description to whichever example happens to use them.</summary>
    private static readonly HashSet<string> Everyday = new(StringComparer.Ordinal)
    {
        "有人", "一个", "一些", "好几", "几个", "没有", "起来", "东西", "问题", "怎么", "这个", "那个", "我们", "他们", "我家", "家里",
        "小区", "楼下", "楼上", "居民", "巡查", "发现", "反映", "门口", "旁边", "一直", "每天", "天天", "晚上", "昨晚", "半天", "一天",
        "希望", "处理", "存在", "严重", "影响", "情况", "附近", "路边", "里面", "外面", "不敢", "根本", "已经", "还在", "很多", "一股",
    };

    private readonly List<(CategoryView Minor, CategoryView Major, Dictionary<string, double> Weights)> _documents = [];
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);

    public CategorySuggester(IEnumerable<CategoryGroup> tree)
    {
        foreach (var (major, minors) in tree)
        {
            foreach (var minor in minors)
            {
                var weights = new Dictionary<string, double>(StringComparer.Ordinal);
                Add(weights, MajorWeight, [major.PlainName, major.Name, .. major.Synonyms]);
                Add(weights, ExampleWeight, minor.Examples);
                Add(weights, SynonymWeight, minor.Synonyms);
                Add(weights, NameWeight, [minor.Name, .. minor.PlainName.Split('、')]);
                _documents.Add((minor, major, weights));
            }
        }

        var count = _documents.Count;
        foreach (var (term, frequency) in _documents.SelectMany(d => d.Weights.Keys).CountBy(t => t))
        {
            _idf[term] = Math.Log(1 + ((count - frequency + 0.5) / (frequency + 0.5)));
        }
    }

    /// <summary>The best <paramref name="count"/> categories for the text, best first; none when nothing in it points anywhere.</summary>
    public IReadOnlyList<CategorySuggestion> Suggest(string? text, int count = 3)
    {
        var normalised = CategoryMatching.Normalise(text);
        var terms = Terms(normalised).Concat(normalised.Where(IsCjk).Select(c => c.ToString())).ToHashSet(StringComparer.Ordinal);
        if (terms.Count == 0)
        {
            return [];
        }

        return _documents
            .Select(d => (Document: d, Score: terms.Sum(t => d.Weights.TryGetValue(t, out var w) ? w * _idf[t] : 0)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Document.Minor.Code, StringComparer.Ordinal)
            .Take(count)
            .Select(s => new CategorySuggestion(s.Document.Minor, s.Document.Major, Math.Round(s.Score, 2), Stretches(normalised, s.Document.Weights)))
            .ToList();
    }

    private static void Add(Dictionary<string, double> weights, double weight, IEnumerable<string> texts)
    {
        foreach (var term in texts.SelectMany(Terms))
        {
            weights[term] = weight;
        }
    }

    /// <summary>
    /// Character pairs and words as search cuts them, less particles and everyday words; a text of
    /// one character (a synonym such as 狗 or 树) is its own term, which any character of a description may match.
    /// </summary>
    private static IEnumerable<string> Terms(string? text)
    {
        var normalised = CategoryMatching.Normalise(text);
        var terms = SearchTerms.Of(normalised).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length > 1 && !(t.Length == 2 && t.Any(c => Particles.Contains(c))) && !Everyday.Contains(t));
        return normalised.Length == 1 && IsCjk(normalised[0]) ? terms.Append(normalised) : terms;
    }

    private static bool IsCjk(char c) => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter;

    /// <summary>The longest runs of the text whose every character pair (or word) the category knows: "井盖翘起来" → 井盖.</summary>
    private static IReadOnlyList<string> Stretches(string normalised, Dictionary<string, double> weights)
    {
        var covered = new bool[normalised.Length];
        for (var i = 0; i < normalised.Length; i++)
        {
            if (i + 1 < normalised.Length && weights.ContainsKey(normalised.Substring(i, 2)))
            {
                covered[i] = covered[i + 1] = true;
            }
            else if (weights.ContainsKey(normalised[i].ToString()))
            {
                covered[i] = true;
            }
        }

        var stretches = new List<string>();
        for (var i = 0; i < normalised.Length; i++)
        {
            var start = i;
            while (i < normalised.Length && covered[i])
            {
                i++;
            }

            if (i > start)
            {
                stretches.Add(normalised[start..i]);
            }
        }

        foreach (var word in Terms(normalised).Where(t => t.All(char.IsAsciiLetterOrDigit) && weights.ContainsKey(t)))
        {
            stretches.Add(word);
        }

        return stretches.Distinct().ToList();
    }
}
