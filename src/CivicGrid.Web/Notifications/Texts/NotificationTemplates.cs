using System.Globalization;
using System.Resources;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Localization;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications.Texts;

/// <summary>
/// The words of SMS and e-mail notifications, per kind and in the recipient's language (not the
/// current request's: the worker sends for many people at once). An SMS is kept to two parts by
/// shortening the place, then the category; the event number is never cut.
/// </summary>
public sealed class NotificationTemplates(ReferenceSnapshot<CategoryCatalogue> categories, IOptions<NotificationTextOptions> options)
{
    public const string Digest = "Digest";

    private static readonly ResourceManager Resources = new(typeof(Text));
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task<SmsText> SmsAsync(IReadOnlyList<Notification> notifications, string language, CancellationToken ct)
    {
        var words = new Words(language);
        var catalogue = await categories.GetAsync(ct);
        var first = notifications[0];
        var signature = words.English ? options.Value.Sms.SignatureEn : options.Value.Sms.Signature;
        // A notice to residents has no category: its title stands in that place, and is cut after the sender.
        var category = first.Kind == NotificationKind.ResidentNotice ? first.EventTitle : CategoryName(catalogue, first.CategoryId, words);
        var deadline = Deadline(first.Deadline, words);
        var parameters = new Dictionary<string, string>
        {
            ["number"] = first.EventNumber,
            ["category"] = category,
            ["place"] = first.Place,
            ["deadline"] = deadline,
            ["count"] = notifications.Count.ToString(CultureInfo.InvariantCulture),
        };

        if (notifications.Count == 1)
        {
            var format = words[$"Notify.Sms.{first.Kind}"];
            var text = Fit(
                (place, name) => signature + string.Format(words.Culture, format, first.EventNumber, name, place, deadline),
                first.Place, category);
            return new SmsText(text, first.Kind.ToString(), parameters);
        }

        return new SmsText(DigestText(notifications, catalogue, words, signature), Digest, parameters);
    }

    /// <summary>The one line an open page shows as a toast: kind, event number and title.</summary>
    public static string InApp(Notification notification, string language)
    {
        var words = new Words(language);
        return string.Format(words.Culture, words[$"Notify.InApp.{notification.Kind}"], notification.EventNumber, notification.EventTitle);
    }

    public async Task<EmailText> EmailAsync(IReadOnlyList<Notification> notifications, string language, CancellationToken ct)
    {
        var words = new Words(language);
        var catalogue = await categories.GetAsync(ct);
        var first = notifications[0];
        var subject = notifications.Count == 1
            ? string.Format(words.Culture, words[$"Notify.Email.Subject.{first.Kind}"], first.EventNumber, first.EventTitle)
            : string.Format(words.Culture, words["Notify.Email.Subject.Digest"], notifications.Count);

        var body = new System.Text.StringBuilder();
        foreach (var n in notifications)
        {
            body.AppendLine(string.Format(words.Culture, words["Notify.Email.Heading"], words[$"Notify.Kind.{n.Kind}"], n.EventNumber));
            Line(body, words, "Notify.Email.Title", n.EventTitle);
            Line(body, words, "Notify.Email.Category", CategoryName(catalogue, n.CategoryId, words));
            Line(body, words, "Notify.Email.Place", n.Place);
            Line(body, words, "Notify.Email.Deadline", Deadline(n.Deadline, words));
            if (n.Urgent)
            {
                Line(body, words, "Notify.Email.Urgency", words["Notify.Email.Urgent"]);
            }

            Line(body, words, "Notify.Email.Actor", n.ActorName);
            Line(body, words, "Notify.Email.Note", n.Note);
            if (n.EventId is { } id)
            {
                Line(body, words, "Notify.Email.Link", $"{options.Value.PublicBaseUrl.TrimEnd('/')}/Events/Detail/{id}");
            }

            body.AppendLine();
        }

        body.AppendLine(words["Notify.Email.Footer"]);
        return new EmailText(subject, body.ToString());
    }

    /// <summary>The deadline in Beijing time as people say it ("11月24日 17:00", "24 Nov 17:00"), or plainly none.</summary>
    public static string Deadline(DateTime? utc, string language) => Deadline(utc, new Words(language));

    private static string Deadline(DateTime? utc, Words words)
    {
        if (utc is not { } value)
        {
            return words["Notify.NoDeadline"];
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Shanghai);
        return local.ToString(words.English ? "d MMM HH:mm" : "M月d日 HH:mm", CultureInfo.InvariantCulture);
    }

    private static string CategoryName(CategoryCatalogue catalogue, int id, Words words) =>
        catalogue.Find(id) is { } c ? (words.English ? c.NameEn : c.PlainName) : "—";

    private static void Line(System.Text.StringBuilder body, Words words, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            body.AppendLine(string.Format(words.Culture, words["Notify.Email.Line"], words[label], value));
        }
    }

    /// <summary>How many, then as many numbers with their categories as two parts hold; the first number always.</summary>
    private static string DigestText(IReadOnlyList<Notification> notifications, CategoryCatalogue catalogue, Words words, string signature)
    {
        var head = signature + string.Format(words.Culture, words["Notify.Sms.Digest"], notifications.Count);
        var separator = words["Notify.Sms.DigestSeparator"];
        var more = words["Notify.Sms.DigestMore"];
        var items = notifications.Select(n => $"{n.EventNumber} {CategoryName(catalogue, n.CategoryId, words)}").ToList();
        var shown = 1;
        while (shown < items.Count && SmsLength.Of(Join(shown + 1)).Fits)
        {
            shown++;
        }

        return Join(shown);

        string Join(int count) => head + string.Join(separator, items.Take(count)) + (count < items.Count ? more : "");
    }

    /// <summary>Cuts the place, then the category, a character at a time until the whole fits.</summary>
    private static string Fit(Func<string, string, string> compose, string place, string category)
    {
        var text = compose(place, category);
        if (SmsLength.Of(text).Fits)
        {
            return text;
        }

        // "…" alone would push a GSM-7 text into UCS-2 and halve its room.
        var ellipsis = SmsLength.IsUnicode(text) ? "…" : "...";
        for (var keep = place.Length - 1; keep >= 0; keep--)
        {
            text = compose(Cut(place, keep, ellipsis), category);
            if (SmsLength.Of(text).Fits)
            {
                return text;
            }
        }

        for (var keep = category.Length - 1; keep >= 0; keep--)
        {
            text = compose(ellipsis, Cut(category, keep, ellipsis));
            if (SmsLength.Of(text).Fits)
            {
                return text;
            }
        }

        return text;
    }

    private static string Cut(string value, int keep, string ellipsis) =>
        value[..(keep > 0 && char.IsHighSurrogate(value[keep - 1]) ? keep - 1 : keep)] + ellipsis;

    /// <summary>The platform's texts in one language, read directly so the thread's culture does not matter.</summary>
    private sealed class Words(string language)
    {
        public bool English { get; } = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

        public CultureInfo Culture => English ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("zh-CN");

        public string this[string key] => Resources.GetString(key, Culture) ?? key;
    }
}

/// <param name="Template">CivicGrid's template name: the kind, or "Digest"; gateways map it to their approved template codes.</param>
/// <param name="Parameters">The cloud templates' variables: number, category, place, deadline, count.</param>
public sealed record SmsText(string Text, string Template, IReadOnlyDictionary<string, string> Parameters);

public sealed record EmailText(string Subject, string Body);
