namespace CivicGrid.Web.Events.Workflow;

/// <summary>
/// One action on an event. <see cref="Version"/> is the version the caller saw: if the event
/// changed meanwhile, the action is refused with 409 instead of overwriting someone's work.
/// <see cref="PublicNote"/> lets the reporting resident read the note (never who wrote it); it needs a note.
/// </summary>
public sealed record TransitionRequest(
    int Version,
    string? Note = null,
    int? TargetUnitId = null,
    IReadOnlyList<int>? AssistUnitIds = null,
    Satisfaction? Satisfaction = null,
    IReadOnlyList<Guid>? AttachmentIds = null,
    long? TargetEventId = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Address = null,
    bool PublicNote = false);
