namespace CivicGrid.Web.Infrastructure.Database.Migrations;

/// <summary>
/// Copies the ratings events carry into Evaluations, in SQL both providers run. Who rated and when
/// come from the last Evaluate entry of the timeline (a resident's account or staff), else from the
/// callback that fed it. Ratings cleared by an earlier reopen were never stored and cannot be recovered.
/// </summary>
internal static class EvaluationsBackfill
{
    public const string Sql = """
        INSERT INTO "Evaluations" ("EventId", "Round", "Satisfaction", "Comment", "Source", "IsRoundRating", "ById", "ByName", "At")
        SELECT e."Id",
               1 + (SELECT COUNT(*) FROM "TimelineEntries" r WHERE r."EventId" = e."Id" AND r."Action" = 17),
               e."Satisfaction",
               e."EvaluationComment",
               CASE WHEN ev."Id" IS NULL THEN 2
                    WHEN EXISTS (SELECT 1 FROM "Residents" p WHERE p."Id" = ev."ActorId") THEN 1
                    ELSE 3 END,
               TRUE,
               COALESCE(ev."ActorId", cb."ByUserId"),
               COALESCE(ev."ActorName", cb."ByName", ''),
               COALESCE(ev."At", cb."At", e."UpdatedAt")
        FROM "Events" e
        LEFT JOIN "TimelineEntries" ev ON ev."Id" = (SELECT MAX(t."Id") FROM "TimelineEntries" t WHERE t."EventId" = e."Id" AND t."Action" = 15)
        LEFT JOIN "Callbacks" cb ON cb."EventId" = e."Id" AND cb."Status" = 2
        WHERE e."Satisfaction" IS NOT NULL;

        INSERT INTO "Evaluations" ("EventId", "Round", "Satisfaction", "Comment", "Source", "IsRoundRating", "ById", "ByName", "At")
        SELECT cb."EventId",
               1 + (SELECT COUNT(*) FROM "TimelineEntries" r WHERE r."EventId" = cb."EventId" AND r."Action" = 17 AND r."At" < cb."At"),
               cb."Satisfaction",
               cb."Comment",
               2,
               NOT EXISTS (SELECT 1 FROM "TimelineEntries" t WHERE t."EventId" = cb."EventId" AND t."Action" = 15 AND t."At" <= cb."At"),
               cb."ByUserId",
               COALESCE(cb."ByName", ''),
               COALESCE(cb."At", cb."SampledAt")
        FROM "Callbacks" cb
        WHERE cb."Status" = 2 AND cb."Satisfaction" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "Evaluations" v WHERE v."EventId" = cb."EventId" AND v."Source" = 2);
        """;
}
