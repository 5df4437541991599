using System.Globalization;
using CivicGrid.Web.Residents.Callbacks;

namespace CivicGrid.Tests.Residents.Callbacks;

/// <summary>The callback sample: random to the people who close events, reproducible by anyone who holds the seed.</summary>
public sealed class CallbackSamplingSpec
{
    private const string Seed = "civicgrid-callback-2026";

    private static IEnumerable<string> Numbers(int count) =>
        Enumerable.Range(1, count).Select(n => $"E2026{n / 10_000 + 1101:D4}-{n % 10_000:D4}");

    [Fact]
    public void The_draw_is_the_keyed_hash_the_decision_describes_so_it_can_be_recomputed_elsewhere()
    {
        // HMAC-SHA256(seed, number), top 53 bits of the first 8 bytes / 2^53, computed independently in Python.
        Assert.Equal(0.14636428836283355, CallbackSampling.Draw(Seed, "E20261123-0001"));
        Assert.Equal(0.25660259465796265, CallbackSampling.Draw("another seed", "E20261123-0001"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sample_and_another_seed_another()
    {
        var numbers = Numbers(200).ToList();
        var first = numbers.Where(n => CallbackSampling.IsSampled(Seed, n, 0.3)).ToList();
        var again = numbers.Where(n => CallbackSampling.IsSampled(Seed, n, 0.3)).ToList();
        var other = numbers.Where(n => CallbackSampling.IsSampled("civicgrid-callback-2027", n, 0.3)).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_share_of_zero_picks_nothing_and_a_share_of_one_picks_everything()
    {
        var numbers = Numbers(1000).ToList();

        Assert.DoesNotContain(numbers, n => CallbackSampling.IsSampled(Seed, n, 0));
        Assert.All(numbers, n => Assert.True(CallbackSampling.IsSampled(Seed, n, 1)));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.75)]
    public void Over_many_events_the_share_picked_is_close_to_the_setting(double share)
    {
        var numbers = Numbers(20_000).ToList();

        var picked = numbers.Count(n => CallbackSampling.IsSampled(Seed, n, share)) / (double)numbers.Count;

        Assert.InRange(picked, share - 0.015, share + 0.015);
    }

    [Fact]
    public void A_larger_share_keeps_every_event_a_smaller_one_picked()
    {
        var numbers = Numbers(2000).ToList();

        Assert.All(
            numbers.Where(n => CallbackSampling.IsSampled(Seed, n, 0.2)),
            n => Assert.True(CallbackSampling.IsSampled(Seed, n, 0.5), n.ToString(CultureInfo.InvariantCulture)));
    }
}
