using System.Diagnostics;

namespace CivicGrid.Bench;

/// <summary>How every benchmark times calls and reads their percentiles, so figures in docs/benchmarks.md mean the same thing.</summary>
public static class Samples
{
    /// <summary>The nearest-rank percentile: the smallest sample at or above p % of them.</summary>
    public static double Percentile(List<double> samples, int p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    /// <summary>Milliseconds of <paramref name="n"/> calls one after another, each until its whole body is read; a failed call stops the run.</summary>
    public static async Task<List<double>> TimeAsync(int n, Func<Task<HttpResponseMessage>> call)
    {
        var samples = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await call();
            await response.Content.ReadAsByteArrayAsync();
            samples.Add(sw.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        return samples;
    }
}
