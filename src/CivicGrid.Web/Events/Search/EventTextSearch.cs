using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events.Search;

/// <summary>
/// Events whose number, title, address or description hold every term of a query, through the
/// database's own full-text index over <see cref="Event.SearchTerms"/>: a GIN index on a
/// tsvector on PostgreSQL, an FTS5 table on SQLite (both made by the EventSearch migrations).
/// The index narrows; <see cref="EventQueries"/> then checks the exact phrase on what it found.
/// </summary>
public static class EventTextSearch
{
    /// <summary>
    /// The events holding every term, as a query root the caller goes on composing (scope,
    /// filters, order); null when the query holds no term the index knows (only punctuation, say).
    /// </summary>
    /// <remarks>
    /// A root rather than an "Id IN (…)" filter: both databases fold a plain subquery in FROM into
    /// the outer query, so the index condition sits on the events themselves and the planner
    /// weighs it with the others.
    /// </remarks>
    public static IQueryable<Event>? Matching(CivicGridDb db, string query)
    {
        var terms = SearchTerms.Query(query);
        if (terms.Count == 0)
        {
            return null;
        }

        // Terms are letters and digits only (SearchTerms guarantees it), so quoting them is enough.
        if (db.Database.IsNpgsql())
        {
            var tsquery = string.Join(" & ", terms.Select(t => t.IsPrefix ? $"'{t.Text}':*" : $"'{t.Text}'"));
            return db.Events.FromSql($"""SELECT * FROM "Events" WHERE "SearchVector" @@ CAST({tsquery} AS tsquery)""");
        }

        var match = string.Join(" AND ", terms.Select(t => t.IsPrefix ? $"\"{t.Text}\"*" : $"\"{t.Text}\""));
        return db.Events.FromSql($"""SELECT * FROM "Events" WHERE "Id" IN (SELECT rowid FROM "EventSearch" WHERE "EventSearch" MATCH {match})""");
    }
}
