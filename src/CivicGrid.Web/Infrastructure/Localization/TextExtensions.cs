using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Infrastructure.Localization;

public static class TextExtensions
{
    /// <summary>An enum value's display text: key "TypeName.Value", e.g. "EventStatus.Reported".</summary>
    public static string Of(this IStringLocalizer text, Enum value) => text[$"{value.GetType().Name}.{value}"];

    /// <summary>The refusal in words, with enum arguments shown in the caller's language.</summary>
    public static string Describe(this IStringLocalizer text, DomainException refusal) =>
        text[refusal.MessageKey, refusal.Args.Select(a => a is Enum e ? text.Of(e) : a).ToArray()];

    /// <summary>An event's place as one line: "毅阳社区 · 第3网格", or unplaced.</summary>
    public static string Place(this IStringLocalizer text, string? community, string? grid) =>
        community is null ? text["Page.Place.Unplaced"] : grid is null ? community : $"{community} · {grid}";
}
