namespace CivicGrid.Web.Events;

/// <summary>
/// Who files a resident's report, as the event keeps it: a signed-in resident, or an anonymous one
/// (a fresh <paramref name="Id"/> that no one can sign in as).
/// </summary>
/// <param name="Name">What staff see as the reporter, never the full number.</param>
/// <param name="Phone">The number for a callback, if the resident has one or chose to leave one.</param>
/// <param name="HeldForReview">One number sent too many reports: the centre looks at this one first.</param>
public sealed record ResidentReporter(Guid Id, string Name, Guid? ResidentId, string? Phone, bool HeldForReview)
{
    /// <summary>Stored on the report's timeline entry, like the system actor's name.</summary>
    public const string HeldNote = "同一号码短时间内上报过多，已转综治中心审核";
}
