namespace CivicGrid.Web.Events.Workflow;

/// <summary>Everything that can happen to an event. The names are the glossary's.</summary>
public enum EventAction
{
    /// <summary>上报.</summary>
    Report = 1,
    /// <summary>自行处置: a matter already solved on the spot, closed at once.</summary>
    SolveOnSpot = 2,
    /// <summary>受理: a grid or community takes the event on itself.</summary>
    Accept = 3,
    /// <summary>立案: a governance centre registers the event for dispatch.</summary>
    Register = 4,
    /// <summary>上报/提级: grid → community → street centre → district centre.</summary>
    Escalate = 5,
    /// <summary>派遣: to one lead department, optionally with assisting departments.</summary>
    Dispatch = 6,
    /// <summary>签收: the lead department accepts the dispatch.</summary>
    SignFor = 7,
    /// <summary>退回: "not ours", back to the dispatching centre with a reason.</summary>
    Return = 8,
    /// <summary>改派: the centre moves the event to another department.</summary>
    Reassign = 9,
    /// <summary>反馈: the handler reports the result, with evidence.</summary>
    Feedback = 10,
    /// <summary>协办反馈: an assisting department reports its part.</summary>
    AssistFeedback = 11,
    /// <summary>核查通过: the result holds on site; the event is closed.</summary>
    Verify = 12,
    /// <summary>核查不通过·返工: back to the handler.</summary>
    Rework = 13,
    /// <summary>办结: a grid or community that handled the event itself closes it.</summary>
    Close = 14,
    /// <summary>评价.</summary>
    Evaluate = 15,
    /// <summary>作废: rejected with a reason.</summary>
    Void = 16,
    /// <summary>重新打开.</summary>
    Reopen = 17,
    /// <summary>合并: a duplicate is folded into the event that carries on.</summary>
    Merge = 18,
    /// <summary>并入重复事件: the surviving event records the duplicate it took in.</summary>
    MergedIn = 19,
    /// <summary>共同上报: someone who found the same problem joins the event instead of filing another.</summary>
    Join = 20,
    /// <summary>更正位置: staff move the incident's position; its place is decided again.</summary>
    Relocate = 21,
    /// <summary>超期: the step deadline passed; recorded by the platform, the supervisor told.</summary>
    Overdue = 40,
    /// <summary>督办: a leader or centre issued a supervision order to the holder.</summary>
    Supervise = 41,
    /// <summary>督办回复 (办理情况): the holder answered a supervision order.</summary>
    SupervisionReply = 42,
    /// <summary>督办办结: the issuer concluded a supervision order with an assessment.</summary>
    SupervisionConclude = 43,
    /// <summary>督办逾期未复: a supervision order's deadline passed without an answer; recorded by the platform.</summary>
    SupervisionUnanswered = 44,
    /// <summary>回访: the centre called the reporter of a closed event back and recorded what they said.</summary>
    Callback = 45,
    /// <summary>不满意复核: the centre stood by the result a resident called unsatisfied, and said why.</summary>
    ReviewConfirmed = 46,
    /// <summary>吹哨: a centre summons several departments at once, one to lead and the others to assist, saying why.</summary>
    Summon = 22,
    /// <summary>报到: an assisting department answers the summons (the lead checks in by signing for).</summary>
    CheckIn = 23,
}
