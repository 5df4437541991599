namespace CivicGrid.Web.Notifications.Texts;

/// <summary>The words of SMS and e-mail notifications, per kind and language; a digest folds several into one.</summary>
public sealed class NotificationTemplates
{
    public Task<SmsText> SmsAsync(IReadOnlyList<Notification> notifications, string language, CancellationToken ct)
    {
        var first = notifications[0];
        var template = notifications.Count == 1 ? first.Kind.ToString() : "Digest";
        var parameters = new Dictionary<string, string> { ["number"] = first.EventNumber, ["count"] = notifications.Count.ToString() };
        return Task.FromResult(new SmsText($"{template} {first.EventNumber}", template, parameters));
    }

    public Task<EmailText> EmailAsync(IReadOnlyList<Notification> notifications, string language, CancellationToken ct) =>
        Task.FromResult(new EmailText(notifications[0].EventNumber, string.Join("\n", notifications.Select(n => $"{n.Kind} {n.EventNumber}"))));
}

/// <param name="Template">CivicGrid's template name: the kind, or "Digest"; gateways map it to their approved template codes.</param>
public sealed record SmsText(string Text, string Template, IReadOnlyDictionary<string, string> Parameters);

public sealed record EmailText(string Subject, string Body);
