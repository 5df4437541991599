namespace CivicGrid.Web.Events;

public enum EventStatus
{
    /// <summary>待受理: waiting for the holding unit (grid, community or centre) to take it.</summary>
    Reported = 1,
    /// <summary>已立案·待派遣: registered at a governance centre, waiting to be dispatched.</summary>
    Registered = 2,
    /// <summary>待签收: dispatched to a department that has not yet signed for it.</summary>
    Dispatched = 3,
    /// <summary>处置中: being handled by the holder.</summary>
    Handling = 4,
    /// <summary>待核查: the handler reported back; someone checks on site.</summary>
    AwaitingVerification = 5,
    /// <summary>已办结.</summary>
    Closed = 6,
    /// <summary>已评价.</summary>
    Evaluated = 7,
    /// <summary>已作废: rejected or voided with a reason.</summary>
    Voided = 8,
    /// <summary>已合并: a duplicate folded into another event, which carries on.</summary>
    Merged = 9,
}

/// <summary>The step whose deadline is running; each maps to a category deadline.</summary>
public enum EventStep
{
    None = 0,
    Accept = 1,
    Dispatch = 2,
    SignFor = 3,
    Handle = 4,
    Verify = 5,
}

/// <summary>How far the running step is: yellow from 80% of its time, red once its deadline has passed.</summary>
public enum DeadlineState
{
    Normal = 0,
    /// <summary>即将超期.</summary>
    Warning = 1,
    /// <summary>已超期.</summary>
    Overdue = 2,
}

public enum Urgency
{
    Normal = 1,
    Urgent = 2,
    Critical = 3,
}

public enum EventSource
{
    /// <summary>网格员巡查.</summary>
    GridPatrol = 1,
    /// <summary>群众上报.</summary>
    Resident = 2,
    /// <summary>12345 热线.</summary>
    Hotline = 3,
    /// <summary>部门发现.</summary>
    Department = 4,
    /// <summary>领导交办.</summary>
    Leader = 5,
}

public enum Satisfaction
{
    Satisfied = 1,
    BasicallySatisfied = 2,
    Unsatisfied = 3,
}
