using CivicGrid.Web.Geography;

namespace CivicGrid.Tests.Geography;

/// <summary>The random part of a QR code's short URL.</summary>
public sealed class PlaceCodeTokensSpec
{
    private readonly PlaceCodeTokens _tokens = new();

    [Fact]
    public void Tokens_are_short_url_safe_and_free_of_characters_read_as_others()
    {
        var drawn = Enumerable.Range(0, 5000).Select(_ => _tokens.Next()).ToList();

        Assert.All(drawn, token =>
        {
            Assert.InRange(token.Length, 6, PlaceCodeConfiguration.TokenLength);
            Assert.All(token, c => Assert.Contains(c, PlaceCodeTokens.Alphabet));
            Assert.Equal(Uri.EscapeDataString(token), token);
        });
        Assert.DoesNotContain(PlaceCodeTokens.Alphabet, c => "01OIL".Contains(c));
        Assert.Equal(drawn.Count, drawn.Distinct().Count());
    }

    [Fact]
    public void Every_character_of_the_alphabet_is_drawn_about_as_often()
    {
        var counts = Enumerable.Range(0, 20_000).SelectMany(_ => _tokens.Next()).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        var expected = 20_000.0 * PlaceCodeTokens.Length / PlaceCodeTokens.Alphabet.Length;
        Assert.Equal(PlaceCodeTokens.Alphabet.Length, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, expected * 0.9, expected * 1.1));
    }

    [Theory]
    [InlineData(" k7q2m9ab ", "K7Q2M9AB")]
    [InlineData("K7Q2M9AB", "K7Q2M9AB")]
    [InlineData("K7Q2-M9A", null)]
    [InlineData("K0Q2M9AB", null)]
    [InlineData("K7Q2M9ABCDE", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_token_typed_by_hand_is_looked_up_as_printed(string? typed, string? lookedUp)
    {
        Assert.Equal(lookedUp, PlaceCodeTokens.Normalise(typed));
    }
}
