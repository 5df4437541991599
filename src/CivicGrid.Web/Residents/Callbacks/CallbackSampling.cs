using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Residents.Callbacks;

/// <summary>
/// Picks the closed events that are called back. The pick is a pure function of the seed and the
/// event number, so it is random to the staff who close events and yet anyone holding the seed can
/// recompute it (docs/decisions/0013-callback-sampling.md).
/// </summary>
public sealed class CallbackSampling(CivicGridDb db, IOptions<CallbackOptions> options)
{
    /// <summary>
    /// The event's draw in [0, 1): the first 53 bits (big-endian) of HMAC-SHA256 keyed with the
    /// seed over the event number, both UTF-8, divided by 2^53.
    /// </summary>
    public static double Draw(string seed, string eventNumber)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(seed), Encoding.UTF8.GetBytes(eventNumber));
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }

    public static bool IsSampled(string seed, string eventNumber, double share) => Draw(seed, eventNumber) < share;

    /// <summary>
    /// Called by the transition that closes the event, before it saves: a picked event whose
    /// reporter can be reached gets its callback in the same transaction as the closing.
    /// </summary>
    public async Task SampleOnCloseAsync(Event e, DateTime now, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(e.ReporterPhone) || !IsSampled(o.Seed, e.Number, o.SampleShare))
        {
            return;
        }

        // Closed again after a reopening: the callback sampled the first time still stands.
        if (await db.Callbacks.AnyAsync(c => c.EventId == e.Id, ct))
        {
            return;
        }

        db.Callbacks.Add(new Callback { EventId = e.Id, SampledAt = now, Status = CallbackStatus.Due });
    }
}
