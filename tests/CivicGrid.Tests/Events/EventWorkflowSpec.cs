using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Organisation;
using static CivicGrid.Web.Events.EventStatus;
using static CivicGrid.Web.Events.Workflow.EventAction;

namespace CivicGrid.Tests.Events;

/// <summary>
/// The state machine on its own: for every status and every action, exactly the legal
/// combinations below are possible; everything else is an illegal transition (409).
/// </summary>
public sealed class EventWorkflowSpec
{
    private static readonly Dictionary<EventStatus, EventAction[]> Legal = new()
    {
        [Reported] = [Accept, Register, Escalate, EventAction.Dispatch, Summon, EventAction.Void, Merge, Relocate],
        [Registered] = [Escalate, EventAction.Dispatch, Summon, EventAction.Void, Merge, Relocate],
        [Dispatched] = [SignFor, Return, Reassign, CheckIn, AssistFeedback, Merge, Relocate],
        [Handling] = [Escalate, Return, Reassign, Feedback, CheckIn, AssistFeedback, Close, EventAction.Void, Merge, Relocate],
        [AwaitingVerification] = [CheckIn, AssistFeedback, Verify, Rework, Relocate],
        [Closed] = [Evaluate, Reopen],
        [Evaluated] = [Reopen],
        [Voided] = [Reopen],
        [Merged] = [],
    };

    public static TheoryData<EventStatus, EventAction> AllCombinations()
    {
        var data = new TheoryData<EventStatus, EventAction>();
        foreach (var status in Enum.GetValues<EventStatus>())
        {
            foreach (var transition in EventWorkflow.Transitions)
            {
                data.Add(status, transition.Action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Each_action_is_legal_exactly_in_its_states(EventStatus status, EventAction action)
    {
        var holder = new Caller(Guid.NewGuid(), "任何人", StaffRole.Administrator, 1, OrgUnitKind.District, "龙文区", "/1/");
        var decision = EventWorkflow.Decide(Facts(status), holder, action);

        if (Legal[status].Contains(action))
        {
            Assert.NotEqual(Decision.IllegalState, decision);
        }
        else
        {
            Assert.Equal(Decision.IllegalState, decision);
        }
    }

    [Fact]
    public void Every_action_except_creation_and_its_side_records_has_a_row()
    {
        // Report and SolveOnSpot create events; MergedIn and Join are records on another event;
        // overdue and supervision entries are recorded beside the steps and change no state.
        Assert.Equal(
            Enum.GetValues<EventAction>().Except([Report, SolveOnSpot, MergedIn, Join, Overdue, Supervise, SupervisionReply, SupervisionConclude, SupervisionUnanswered, Callback, ReviewConfirmed]).Order(),
            EventWorkflow.Transitions.Select(t => t.Action).Order());
    }

    [Theory]
    [InlineData(StaffRole.CommunityHead, Accept, Decision.Allowed)]
    [InlineData(StaffRole.Dispatcher, Accept, Decision.NotPermitted)]
    [InlineData(StaffRole.Dispatcher, Register, Decision.Allowed)]
    [InlineData(StaffRole.Leader, Accept, Decision.NotPermitted)]
    [InlineData(StaffRole.DepartmentHandler, SignFor, Decision.IllegalState)]
    public void Holder_role_decides_who_takes_a_reported_event(StaffRole role, EventAction action, Decision expected)
    {
        var caller = new Caller(Guid.NewGuid(), "某人", role, 12, OrgUnitKind.Community, "毅阳社区", "/1/5/12/");
        Assert.Equal(expected, EventWorkflow.Decide(Facts(Reported) with { HolderUnitId = 12 }, caller, action));
    }

    [Fact]
    public void Nothing_escalates_above_the_district_centre()
    {
        var district = new Caller(Guid.NewGuid(), "张辉", StaffRole.Dispatcher, 2, OrgUnitKind.GovernanceCentre, "龙文区综治中心", "/1/2/");
        Assert.Equal(Decision.IllegalState, EventWorkflow.Decide(Facts(Registered) with { HolderUnitId = 2, HasLevelAbove = false }, district, Escalate));
    }

    [Fact]
    public void A_caller_who_is_not_the_holder_may_not_act_on_its_behalf()
    {
        var otherCommunity = new Caller(Guid.NewGuid(), "黄燕", StaffRole.CommunityHead, 17, OrgUnitKind.Community, "檀林社区", "/1/5/17/");
        Assert.Equal(Decision.NotPermitted, EventWorkflow.Decide(Facts(Reported) with { HolderUnitId = 12 }, otherCommunity, Accept));
    }

    [Fact]
    public void Assisting_department_only_reports_its_part()
    {
        var police = new Caller(Guid.NewGuid(), "周敏", StaffRole.DepartmentHandler, 9, OrgUnitKind.Department, "蓝田派出所", "/1/5/9/");
        var facts = Facts(Handling) with { HolderUnitId = 8, PendingAssistDepartmentIds = [9] };

        Assert.Equal([AssistFeedback], EventWorkflow.Available(facts, police).Select(t => t.Action));
    }

    [Fact]
    public void A_summoned_assistant_checks_in_once_and_reports_its_part()
    {
        var police = new Caller(Guid.NewGuid(), "周敏", StaffRole.DepartmentHandler, 9, OrgUnitKind.Department, "蓝田派出所", "/1/5/9/");
        var summoned = Facts(Dispatched) with { HolderUnitId = 8, PendingAssistDepartmentIds = [9], UncheckedAssistDepartmentIds = [9] };

        Assert.Equal([CheckIn, AssistFeedback], EventWorkflow.Available(summoned, police).Select(t => t.Action));
        Assert.Equal([AssistFeedback], EventWorkflow.Available(summoned with { UncheckedAssistDepartmentIds = [] }, police).Select(t => t.Action));
    }

    [Fact]
    public void Reporter_may_evaluate_a_closed_event_even_outside_their_area()
    {
        var reporter = new Caller(Guid.NewGuid(), "邱美灵", StaffRole.GridWorker, 15, OrgUnitKind.Grid, "第3网格", "/1/5/12/15/");
        var facts = Facts(Closed) with { PlacePath = "/1/5/17/20/", ReporterId = reporter.UserId };

        Assert.Equal([Evaluate], EventWorkflow.Available(facts, reporter).Select(t => t.Action));
    }

    [Fact]
    public void Centre_oversees_its_street_but_a_department_oversees_no_place()
    {
        var centre = new Caller(Guid.NewGuid(), "王军", StaffRole.Dispatcher, 6, OrgUnitKind.GovernanceCentre, "蓝田街道综治中心", "/1/5/6/");
        var department = new Caller(Guid.NewGuid(), "刘强", StaffRole.DepartmentHandler, 7, OrgUnitKind.Department, "蓝田街道城管办", "/1/5/7/");

        Assert.Equal("/1/5/", centre.PlaceScopePath);
        Assert.Null(department.PlaceScopePath);
    }

    private static EventFacts Facts(EventStatus status) =>
        new(status, HolderUnitId: 1, DispatchingCentreId: 1, PendingAssistDepartmentIds: [1], PlacePath: "/1/5/12/15/", ReporterId: Guid.Empty, HasLevelAbove: true);
}
