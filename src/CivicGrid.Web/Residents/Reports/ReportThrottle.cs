using System.Threading.RateLimiting;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>
/// The hard limit on reports per client address, shared by the page and the API. In memory, per
/// instance: it stops scripts; a person sending many reports is handled by the flood hold instead.
/// </summary>
public sealed class ReportThrottle(IOptions<ResidentOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.ReportsPerAddressPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    public void Take(string? address)
    {
        using var lease = _limiter.AttemptAcquire(address ?? "unknown");
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(10);
            throw DomainException.TooMany(wait, "Resident.Report.TooMany");
        }
    }

    public void Dispose() => _limiter.Dispose();
}
