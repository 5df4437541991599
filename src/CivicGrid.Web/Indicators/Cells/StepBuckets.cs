namespace CivicGrid.Web.Indicators.Cells;

/// <summary>
/// The minutes a median is taken over: exact below a day; from a day on, buckets 2 % wide, each
/// standing for its geometric middle, so a median is within 1 % of the exact one. Exact minutes
/// would keep a row per distinct value, as many as the events; the buckets keep a year's medians
/// to a few thousand rows per unit.
/// </summary>
public static class StepBuckets
{
    public const int ExactBelow = 24 * 60;
    private const double Width = 1.02;

    public static int Of(int minutes) =>
        minutes < ExactBelow ? minutes : ExactBelow + (int)Math.Floor(Math.Log((double)minutes / ExactBelow) / Math.Log(Width));

    /// <summary>The minutes a bucket stands for.</summary>
    public static double Middle(int bucket) =>
        bucket < ExactBelow ? bucket : Math.Round(ExactBelow * Math.Pow(Width, bucket - ExactBelow + 0.5));
}
