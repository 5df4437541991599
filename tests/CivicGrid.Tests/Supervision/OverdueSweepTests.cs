using System.Data.Common;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Supervision;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Supervision;

/// <summary>
/// A passed step deadline is recorded once in the timeline and told once to the holder's
/// supervisor, however many sweeps run, on however many instances, and whatever dies midway.
/// </summary>
public sealed class OverdueSweepTests : AppTest
{
    private static readonly TimeSpan PastEveryDeadline = TimeSpan.FromDays(5);

    [Fact]
    public async Task An_event_past_its_deadline_gets_one_overdue_entry_and_its_supervisor_one_todo_however_often_the_sweep_runs()
    {
        var reported = await ReportInYiyangAsync();
        Assert.Equal(0, (await App.SweepAsync()).Events);

        App.Clock.Advance(PastEveryDeadline);
        await Task.WhenAll(App.SweepAsync(), App.SweepAsync(), App.SweepAsync());
        await App.SweepAsync();

        var chen = await App.SignInAsync("chenliting");
        var seen = await chen.GetEventAsync(reported.Id);
        var overdue = Assert.Single(seen.Timeline, t => t.Action == EventAction.Overdue);
        Assert.True(overdue.BySystem);
        Assert.Equal("毅阳社区", overdue.ActorUnitName);
        Assert.Equal("蓝田街道综治中心", overdue.TargetUnitName);
        Assert.Equal(1, await NoticesOfAsync(reported.Id));
        var told = Assert.Single(await (await App.SignInAsync("wangjun")).NoticesAsync());
        Assert.Equal((reported.Id, "毅阳社区", reported.StepDeadline), (told.EventId, told.HolderUnitName, told.Deadline));
    }

    [Fact]
    public async Task The_sweep_leaves_the_events_version_alone_so_an_open_form_stays_valid()
    {
        var reported = await ReportInYiyangAsync();
        App.Clock.Advance(PastEveryDeadline);
        await App.SweepAsync();

        var chen = await App.SignInAsync("chenliting");
        var accepted = await chen.ActAsync(reported, EventAction.Accept);

        Assert.Equal(reported.Version + 1, accepted.Version);
    }

    [Fact]
    public async Task A_new_step_with_a_new_deadline_is_noticed_again_and_the_old_notice_leaves_the_supervisors_list()
    {
        var reported = await ReportInYiyangAsync();
        App.Clock.Advance(PastEveryDeadline);
        await App.SweepAsync();
        var chen = await App.SignInAsync("chenliting");
        var wang = await App.SignInAsync("wangjun");
        Assert.Single(await wang.NoticesAsync());

        var accepted = await chen.ActAsync(reported, EventAction.Accept);
        Assert.Empty(await wang.NoticesAsync());
        Assert.Equal(0, (await App.SweepAsync()).Events);

        App.Clock.Advance(accepted.StepDeadline!.Value - App.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await App.SweepAsync()).Events);

        // Days later the tokens have expired: sign in again, as people would.
        chen = await App.SignInAsync("chenliting");
        wang = await App.SignInAsync("wangjun");
        var seen = await chen.GetEventAsync(reported.Id);
        Assert.Equal(2, seen.Timeline.Count(t => t.Action == EventAction.Overdue));
        Assert.Equal(2, await NoticesOfAsync(reported.Id));
        Assert.Equal(accepted.StepDeadline, Assert.Single(await wang.NoticesAsync()).Deadline);
    }

    [Fact]
    public async Task A_late_department_is_reported_to_the_centre_that_dispatched_it_and_a_late_street_centre_to_the_district_centre()
    {
        var chen = await App.SignInAsync("chenliting");
        var toDepartment = await chen.ActAsync(await ReportInYiyangAsync("占道经营"), EventAction.Escalate, note: "需要城管");
        var atCentre = await chen.ActAsync(await ReportInYiyangAsync("井盖缺失"), EventAction.Escalate, note: "需要街道协调");
        var wang = await App.SignInAsync("wangjun");
        await wang.ActAsync(await wang.GetEventAsync(toDepartment.Id), EventAction.Dispatch, target: await UnitAsync("蓝田街道城管办"));

        App.Clock.Advance(PastEveryDeadline);
        await App.SweepAsync();

        var streetNotice = Assert.Single(await (await App.SignInAsync("wangjun")).NoticesAsync());
        Assert.Equal((toDepartment.Id, "蓝田街道城管办"), (streetNotice.EventId, streetNotice.HolderUnitName));
        var districtNotice = Assert.Single(await (await App.SignInAsync("zhanghui")).NoticesAsync());
        Assert.Equal((atCentre.Id, "蓝田街道综治中心"), (districtNotice.EventId, districtNotice.HolderUnitName));
    }

    [Fact]
    public async Task Two_instances_sweeping_one_database_at_the_same_time_notice_each_event_once()
    {
        var events = new List<EventDetail>();
        for (var i = 0; i < 12; i++)
        {
            events.Add(await ReportInYiyangAsync($"事件{i}"));
        }

        App.Clock.Advance(PastEveryDeadline);
        await using var second = App.WithWebHostBuilder(_ => { });
        var results = await Task.WhenAll(App.SweepAsync(), second.SweepAsync(), App.SweepAsync(), second.SweepAsync());

        Assert.Equal(events.Count, results.Sum(r => r.Events));
        var entries = await App.QueryAsync(db => db.TimelineEntries.Where(t => t.Action == EventAction.Overdue).GroupBy(t => t.EventId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(Enumerable.Repeat(1, events.Count), entries);
        Assert.Equal(events.Count, await App.QueryAsync(db => db.OverdueNotices.CountAsync()));
    }

    [Fact]
    public async Task A_sweep_that_dies_after_its_claim_but_before_commit_leaves_the_event_to_be_claimed_again()
    {
        var reported = await ReportInYiyangAsync();
        App.Clock.Advance(PastEveryDeadline);

        await ExecuteAsync(TestDatabase.PostgresServer is null
            ? "CREATE TRIGGER crash_notice BEFORE INSERT ON \"OverdueNotices\" BEGIN SELECT RAISE(ABORT, 'crash before commit'); END;"
            : "CREATE FUNCTION crash_notice() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'crash before commit'; END $$ LANGUAGE plpgsql; " +
              "CREATE TRIGGER crash_notice BEFORE INSERT ON \"OverdueNotices\" FOR EACH ROW EXECUTE FUNCTION crash_notice();");
        Assert.Equal(0, (await App.SweepAsync()).Events);

        Assert.Null(await App.QueryAsync(db => db.Events.Where(e => e.Id == reported.Id).Select(e => e.OverdueNoticedFor).SingleAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.TimelineEntries.CountAsync(t => t.EventId == reported.Id && t.Action == EventAction.Overdue)));
        Assert.Equal(0, await NoticesOfAsync(reported.Id));

        await ExecuteAsync(TestDatabase.PostgresServer is null ? "DROP TRIGGER crash_notice;" : "DROP TRIGGER crash_notice ON \"OverdueNotices\";");
        Assert.Equal(1, (await App.SweepAsync()).Events);
        Assert.Equal(1, await NoticesOfAsync(reported.Id));
    }

    [Fact]
    public async Task Each_instance_sweeps_by_itself_on_its_interval_once_started()
    {
        await using var instance = App.WithWebHostBuilder(host => host
            .UseSetting("Supervision:SweepInBackground", "true")
            .UseSetting("Supervision:SweepInterval", "00:01:00"));
        _ = instance.Services; // started: its sweeper now waits for the clock
        var reported = await ReportInYiyangAsync();

        App.Clock.Advance(PastEveryDeadline);

        for (var attempt = 0; attempt < 100 && await NoticesOfAsync(reported.Id) == 0; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, await NoticesOfAsync(reported.Id));
    }

    [Fact]
    public async Task The_sweep_finds_unnoticed_overdue_events_through_its_partial_index()
    {
        var postgres = TestDatabase.PostgresServer is not null;
        var query = OverdueSweep.OverdueEventsSql
            .Replace("{0}", postgres ? "'2026-12-01 00:00:00+00'::timestamptz" : "'2026-12-01 00:00:00'")
            .Replace("{1}", "200");

        var plan = await App.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            if (postgres)
            {
                // An empty test database would be read whole; the question is whether the index fits the query at all.
                await RunAsync(connection, transaction, "SET LOCAL enable_seqscan = off");
            }

            await using var explain = connection.CreateCommand();
            explain.Transaction = transaction;
            explain.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + query;
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(reader.FieldCount - 1));
            }

            return string.Join('\n', lines);
        });

        Assert.Contains("IX_Events_OverdueUnnoticed", plan);
    }

    private async Task<EventDetail> ReportInYiyangAsync(string title = "绿地私搭停车棚")
    {
        var qiu = await App.SignInAsync("qiumeiling");
        return await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: title));
    }

    private Task<int> NoticesOfAsync(long eventId) => App.QueryAsync(db => db.OverdueNotices.CountAsync(n => n.EventId == eventId));

    private Task ExecuteAsync(string sql) => App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private static async Task RunAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
