using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events.Search;

/// <summary>
/// Events whose number, title, address or description hold every term of a query, through the
/// database's own full-text index over <see cref="Event.SearchTerms"/>: a GIN index on PostgreSQL,
/// an FTS5 table on SQLite (both made by the EventSearch migrations). The index narrows;
/// <see cref="EventQueries"/> then checks the exact phrase on what it found.
/// </summary>
public static class EventTextSearch
{
    /// <summary>
    /// Beyond this many candidates from SQLite's index a query's words stand in a good part of
    /// all events, and checking the phrase while walking the newest events finds a page sooner.
    /// </summary>
    public const int MostCandidates = 10_000;

    /// <summary>
    /// The events that may hold the query, as a root the caller goes on composing (scope,
    /// filters, phrase, order); all events when the query holds no term the index knows (only
    /// punctuation, say).
    /// </summary>
    /// <remarks>
    /// PostgreSQL: the index condition becomes part of the query (a plain subquery in FROM is
    /// folded into it), so the planner weighs the GIN index against the other conditions with
    /// its statistics. SQLite cannot: an FTS5 match is a table of its own that is read whole, so
    /// its ids are fetched first, at most <see cref="MostCandidates"/>, and passed as a list.
    /// </remarks>
    public static async Task<IQueryable<Event>> CandidatesAsync(CivicGridDb db, string query, CancellationToken ct)
    {
        var terms = SearchTerms.Query(query);
        if (terms.Count == 0)
        {
            return db.Events;
        }

        if (terms.Any(t => !t.Text.All(char.IsLetterOrDigit)))
        {
            throw new InvalidOperationException("Search terms are letters and digits only; quoting them below relies on it.");
        }

        if (db.Database.IsNpgsql())
        {
            // The query goes into the SQL as a literal, not a parameter: with a parameter,
            // PostgreSQL's cached generic plan cannot tell a rare word from a common one and
            // scanned the whole table for both. Safe to inline: letters and digits only.
            var tsquery = string.Join(" & ", terms.Select(t => t.IsPrefix ? $"''{t.Text}'':*" : $"''{t.Text}''"));
            var sql = $"""SELECT * FROM "Events" WHERE array_to_tsvector(string_to_array("SearchTerms", ' ')) @@ '{tsquery}'::tsquery""";
            return db.Events.FromSqlRaw(sql);
        }

        var match = string.Join(" AND ", terms.Select(t => t.IsPrefix ? $"\"{t.Text}\"*" : $"\"{t.Text}\""));
        var ids = await db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "EventSearch" WHERE "EventSearch" MATCH {match}""")
            .Take(MostCandidates + 1).ToArrayAsync(ct);
        return ids.Length > MostCandidates ? db.Events : db.Events.Where(e => EF.Parameter(ids).Contains(e.Id));
    }
}
