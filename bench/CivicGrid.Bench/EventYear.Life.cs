using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Supervision;

namespace CivicGrid.Bench;

/// <summary>How one planted event lives: its steps, the sweep and supervisors beside them, and what follows its closing.</summary>
public sealed partial class EventYear
{
    /// <summary>One event's life, step by step, from its report until it closes or the plant clock stops it.</summary>
    private sealed class Run(EventYear year, PlantedEvent planted)
    {
        private readonly Event _e = planted.Event;
        private readonly YearWorld _world = year._world;
        private readonly Random _random = year._random;
        private StepDue? _due;
        private EventStep _step;
        private DateTime _stepStart;
        private int _returns;

        public void Add(TimelineEntry entry)
        {
            entry.EventId = _e.Id;
            _e.Timeline.Add(entry);
        }

        /// <summary>Starts the clock of the step the event's status calls for, as <see cref="Event.StartStep"/> does.</summary>
        public void StartStep(DateTime at)
        {
            _step = EventWorkflow.StepOf(_e.Status);
            _stepStart = at;
            _due = _world.Due(_e.CategoryId, _e.Urgency, _step, at);
            _e.StartStep(_due);
            if (_due is not null)
            {
                year.Tally.Steps++;
            }
        }

        /// <summary>Moves the event through its steps until it closes (then its aftercare) or the plant clock stops it.</summary>
        /// <param name="duplicateOf">The event this one duplicates: its first step ends in the merge when that event is still open then.</param>
        public void Live(int round, PlantedEvent? duplicateOf = null)
        {
            while (EventWorkflow.IsOpen(_e.Status))
            {
                var share = Math.Max(0.005, StepShareMedian * Math.Exp(StepShareSigma * YearWorld.Gaussian(_random)));
                // Now and then a step is forgotten for days or weeks: the long overdue tail the dashboards show as "overdue now".
                if (_random.NextDouble() < StuckShare)
                {
                    share *= 3 + (_random.NextDouble() * 40);
                }

                var end = _world.After(_e.CategoryId, _e.Urgency, _step, _stepStart, share);
                if (end >= year._now)
                {
                    Watch(year._now);
                    return;
                }

                Watch(end);
                if (duplicateOf is not null && StatusAt(duplicateOf, end) is { } seen && EventWorkflow.IsOpen(seen))
                {
                    Merge(duplicateOf, seen, end);
                    return;
                }

                duplicateOf = null;
                Act(end);
            }

            if (_e.Status == EventStatus.Closed)
            {
                Aftercare(round);
            }
        }

        /// <summary>Gives the entries written beside the steps the status the event had then, and orders the timeline.</summary>
        public void Finish()
        {
            foreach (var entry in _e.Timeline.Where(t => t.Action is EventAction.Supervise or EventAction.SupervisionReply or EventAction.SupervisionConclude or EventAction.SupervisionUnanswered))
            {
                var status = planted.History.Last(h => h.At <= entry.At).Status;
                entry.FromStatus = entry.ToStatus = status;
            }

            _e.Timeline = [.. _e.Timeline.OrderBy(t => t.At)];
        }

        /// <summary>What the overdue sweep and supervisors did while the step ran until <paramref name="end"/>.</summary>
        private void Watch(DateTime end)
        {
            if (_due is null)
            {
                return;
            }

            if (_due.WarnAt < end)
            {
                _e.WarnNoticedFor = _due.WarnAt;
            }

            var noticedAt = _due.Deadline.AddSeconds(_random.Next(5, 60));
            if (noticedAt >= end)
            {
                return;
            }

            year.Tally.OverdueSteps++;
            _e.OverdueNoticedFor = _due.Deadline;
            var holder = _world.Tree.Find(_e.HolderUnitId)!;
            var supervisor = Supervisors.Of(holder, _e.DispatchingCentreId, _world.Tree);
            Add(SupervisionTimeline.BySystem(_e.Id, EventAction.Overdue, _e.Status, holder, supervisor, noticedAt));
            if (supervisor is not null)
            {
                planted.Notices.Add(new OverdueNotice { EventId = _e.Id, Deadline = _due.Deadline, HolderUnitId = holder.Id, SupervisorUnitId = supervisor.Id, NoticedAt = noticedAt });
            }

            if (_random.NextDouble() < 0.3)
            {
                Supervise(noticedAt, end);
            }
        }

        /// <summary>督办: a centre presses a grid or community, the district leader a centre or department; answered within the step or not at all.</summary>
        private void Supervise(DateTime overdueAt, DateTime end)
        {
            var issuedAt = overdueAt + year.LogNormal(TimeSpan.FromHours(4), 0.8);
            if (issuedAt >= end)
            {
                return;
            }

            var holder = _world.Units[_e.HolderUnitId!.Value];
            var issuer = holder.Kind is OrgUnitKind.Grid or OrgUnitKind.Community ? _world.ActorOf(_world.CentreOf(_e.StreetId!.Value)) : _world.Leader;
            var order = new SupervisionOrder
            {
                EventId = _e.Id,
                Note = "已超期，请加快办理并按期回复办理情况",
                Deadline = issuedAt.AddHours(_random.Next(2) == 0 ? 24 : 48),
                IssuedAt = issuedAt,
                IssuerId = issuer.Id,
                IssuerName = issuer.Name,
                IssuerUnitId = issuer.Unit.Id,
                IssuerUnitName = issuer.Unit.Name,
                AddresseeUnitId = holder.Id,
                AddresseeUnitName = holder.Name,
                Version = 1,
            };
            planted.Orders.Add(order);
            Add(Entry(EventAction.Supervise, _e.Status, _e.Status, issuer, issuedAt, holder, order.Note));

            var repliedAt = issuedAt + year.LogNormal(TimeSpan.FromHours(5), 0.8);
            var answered = repliedAt < end;
            var unansweredAt = order.Deadline.AddSeconds(_random.Next(5, 60));
            if (unansweredAt < (answered ? repliedAt : year._now))
            {
                order.UnansweredNoticedAt = unansweredAt;
                order.Outcome = SupervisionOutcome.Unanswered;
                Add(SupervisionTimeline.BySystem(_e.Id, EventAction.SupervisionUnanswered, _e.Status, UnitInfo.Of(holder), UnitInfo.Of(issuer.Unit), unansweredAt));
            }

            if (answered)
            {
                var replier = _world.ActorOf(holder);
                order.Reply = "已落实人员加快处置，预计近日办结";
                order.RepliedAt = repliedAt;
                order.ReplierName = replier.Name;
                order.ReplierUnitName = holder.Name;
                order.Outcome = repliedAt <= order.Deadline ? SupervisionOutcome.AnsweredOnTime : SupervisionOutcome.AnsweredLate;
                order.Version++;
                Add(Entry(EventAction.SupervisionReply, _e.Status, _e.Status, replier, repliedAt, null, order.Reply));
            }

            var judgedFrom = order.RepliedAt ?? order.UnansweredNoticedAt;
            if (judgedFrom is { } from && from + year.LogNormal(TimeSpan.FromHours(20), 0.7) is var concludedAt && concludedAt < year._now)
            {
                order.Assessment = order.Outcome == SupervisionOutcome.AnsweredOnTime ? "按期回复，督办办结" : "未按期回复，予以通报";
                order.ConcludedAt = concludedAt;
                order.ConcluderName = issuer.Name;
                order.Version++;
                Add(Entry(EventAction.SupervisionConclude, _e.Status, _e.Status, issuer, concludedAt, null, order.Assessment));
            }
        }

        /// <summary>The step ends at <paramref name="at"/> with the action its holder takes, chosen as the holder's kind usually does.</summary>
        private void Act(DateTime at)
        {
            var holder = _world.Units[_e.HolderUnitId!.Value];
            var actor = _world.ActorOf(holder);
            var draw = _random.NextDouble();
            switch (_e.Status, holder.Kind)
            {
                case (EventStatus.Reported, OrgUnitKind.Grid):
                    if (draw < 0.35)
                    {
                        Accept(actor, at);
                    }
                    else
                    {
                        Escalate(actor, at, _world.Units[_e.CommunityId!.Value]);
                    }

                    break;
                case (EventStatus.Reported, OrgUnitKind.Community):
                    if (draw < 0.52)
                    {
                        Accept(actor, at);
                    }
                    else if (draw < 0.95)
                    {
                        Escalate(actor, at, _world.CentreOf(_e.StreetId!.Value));
                    }
                    else
                    {
                        Void(actor, at);
                    }

                    break;
                case (EventStatus.Reported, OrgUnitKind.GovernanceCentre):
                    if (draw < 0.04 && _world.Units[holder.ParentId!.Value].Kind == OrgUnitKind.Street)
                    {
                        Escalate(actor, at, _world.CentreOf(_world.Units[holder.ParentId!.Value].ParentId!.Value));
                    }
                    else if (draw < 0.07)
                    {
                        Void(actor, at);
                    }
                    else
                    {
                        Move(EventAction.Register, EventStatus.Registered, actor, at, null, null);
                    }

                    break;
                case (EventStatus.Registered, OrgUnitKind.GovernanceCentre):
                    Dispatch(actor, at, holder);
                    break;
                case (EventStatus.Dispatched, OrgUnitKind.Department):
                    if (draw < 0.06 && MayLeave())
                    {
                        Return(actor, at);
                    }
                    else if (draw < 0.1 && MayLeave())
                    {
                        Reassign(at);
                    }
                    else
                    {
                        LeadOf()!.CheckedInAt = at;
                        Move(EventAction.SignFor, EventStatus.Handling, actor, at, null, null);
                    }

                    break;
                case (EventStatus.Handling, OrgUnitKind.Department):
                    if (draw < 0.05 && MayLeave())
                    {
                        Return(actor, at);
                    }
                    else
                    {
                        Feedback(actor, at);
                    }

                    break;
                case (EventStatus.Handling, OrgUnitKind.Community):
                    if (draw < 0.9)
                    {
                        Close(actor, at, EventAction.Close);
                    }
                    else if (draw < 0.95)
                    {
                        Feedback(actor, at);
                    }
                    else
                    {
                        Escalate(actor, at, _world.CentreOf(_e.StreetId!.Value));
                    }

                    break;
                case (EventStatus.Handling, _):
                    if (draw < 0.95)
                    {
                        Close(actor, at, EventAction.Close);
                    }
                    else
                    {
                        Escalate(actor, at, _world.Units[_e.CommunityId!.Value]);
                    }

                    break;
                case (EventStatus.AwaitingVerification, _):
                    if (draw < 0.12 && _e.ReworkCount < 3 && _e.HandlerUnitId is not null)
                    {
                        Rework(actor, at);
                    }
                    else
                    {
                        Close(actor, at, EventAction.Verify);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"No path from {_e.Status} at a {holder.Kind}.");
            }
        }

        /// <summary>合并: the community head folds this duplicate into the event that carries on; its reporter follows that one.</summary>
        private void Merge(PlantedEvent survivor, EventStatus seen, DateTime at)
        {
            var s = survivor.Event;
            var head = _world.ActorOf(_world.Units[_e.CommunityId!.Value]);
            var note = $"与 {s.Number} 为同一问题，合并";
            WithdrawPending(at);
            _e.HolderUnitId = null;
            _e.MergedIntoId = s.Id;
            Move(EventAction.Merge, EventStatus.Merged, head, at, null, note);
            _e.Timeline[^1].TargetUnitName = s.Number;

            var mergedIn = Entry(EventAction.MergedIn, seen, seen, head, at, null, note);
            mergedIn.EventId = s.Id;
            mergedIn.TargetUnitName = _e.Number;
            s.Timeline = [.. s.Timeline.Append(mergedIn).OrderBy(t => t.At)];
            if (_e.ReporterId != s.ReporterId && s.CoReporters.All(r => r.UserId != _e.ReporterId))
            {
                s.CoReporters.Add(new EventCoReporter { EventId = s.Id, UserId = _e.ReporterId, Name = _e.ReporterName, JoinedAt = at });
            }

            s.Version++;
            s.UpdatedAt = s.UpdatedAt > at ? s.UpdatedAt : at;
            year.Tally.Merged++;
        }

        private bool MayLeave() => _returns < 2 && _world.DepartmentsOf(_world.Units[_e.DispatchingCentreId!.Value].ParentId!.Value).Count > 1;

        private void Accept(YearActor actor, DateTime at)
        {
            _e.HandlerUnitId = _e.HolderUnitId;
            Move(EventAction.Accept, EventStatus.Handling, actor, at, null, null);
        }

        private void Escalate(YearActor actor, DateTime at, OrgUnit above)
        {
            _e.HolderUnitId = above.Id;
            _e.HandlerUnitId = null;
            Move(EventAction.Escalate, EventStatus.Reported, actor, at, above, "超出本级处置能力，上报");
        }

        private void Void(YearActor actor, DateTime at)
        {
            WithdrawPending(at);
            _e.HolderUnitId = null;
            Move(EventAction.Void, EventStatus.Voided, actor, at, null, "经核实不属实，作废");
        }

        private void Dispatch(YearActor actor, DateTime at, OrgUnit centre)
        {
            var departments = _world.DepartmentsOf(centre.ParentId!.Value);
            var previous = _e.Assignments.LastOrDefault(a => a.Role == AssignmentRole.Lead)?.DepartmentId;
            var lead = departments.Count > 1 && previous is not null
                ? departments.Where(d => d.Id != previous).ElementAt(_random.Next(departments.Count - 1))
                : departments[Math.Min(departments.Count - 1, (int)(Math.Pow(_random.NextDouble(), 1.6) * departments.Count))];
            WithdrawPending(at);
            _e.DispatchingCentreId = centre.Id;
            _e.HolderUnitId = _e.HandlerUnitId = lead.Id;
            _e.Assignments.Add(NewLead(lead.Id, at));
            Move(EventAction.Dispatch, EventStatus.Dispatched, actor, at, lead, null);
        }

        private void Return(YearActor actor, DateTime at)
        {
            _returns++;
            Finish(LeadOf(), AssignmentStatus.Returned, at, "非本单位职责");
            WithdrawPending(at);
            var centre = _world.Units[_e.DispatchingCentreId!.Value];
            _e.HolderUnitId = centre.Id;
            _e.HandlerUnitId = null;
            Move(EventAction.Return, EventStatus.Registered, actor, at, centre, "非本单位职责，请改派");
        }

        private void Reassign(DateTime at)
        {
            _returns++;
            var centre = _world.Units[_e.DispatchingCentreId!.Value];
            var others = _world.DepartmentsOf(centre.ParentId!.Value).Where(d => d.Id != _e.HolderUnitId).ToList();
            var lead = others[_random.Next(others.Count)];
            Finish(LeadOf(), AssignmentStatus.Withdrawn, at, "改派");
            _e.HolderUnitId = _e.HandlerUnitId = lead.Id;
            _e.Assignments.Add(NewLead(lead.Id, at));
            Move(EventAction.Reassign, EventStatus.Dispatched, _world.ActorOf(centre), at, lead, "职责调整，改派");
        }

        private void Feedback(YearActor actor, DateTime at)
        {
            Finish(_e.Assignments.SingleOrDefault(a => a.Role == AssignmentRole.Lead && a.Status == AssignmentStatus.Pending), AssignmentStatus.Done, at, "已处置完毕");
            _e.HolderUnitId = _e.GridId ?? _e.CommunityId;
            Move(EventAction.Feedback, EventStatus.AwaitingVerification, actor, at, _world.Units[_e.HolderUnitId!.Value], "已处置完毕，请核查");
        }

        private void Rework(YearActor actor, DateTime at)
        {
            _e.ReworkCount++;
            _e.HolderUnitId = _e.HandlerUnitId;
            if (_e.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.DepartmentId == _e.HandlerUnitId).MaxBy(a => a.AssignedAt) is { } lastLead)
            {
                lastLead.Status = AssignmentStatus.Pending;
                lastLead.FinishedAt = null;
            }

            Move(EventAction.Rework, EventStatus.Handling, actor, at, _world.Units[_e.HolderUnitId!.Value], "现场核查未处置到位，返工");
        }

        private void Close(YearActor actor, DateTime at, EventAction action)
        {
            _e.HolderUnitId = null;
            _e.ClosedAt = at;
            Move(action, EventStatus.Closed, actor, at, null, action == EventAction.Close ? "已处置，办结" : null);
        }

        /// <summary>One transition: the status, a new step when the status or the unit changed, the version, the entry.</summary>
        private void Move(EventAction action, EventStatus to, YearActor actor, DateTime at, OrgUnit? target, string? note)
        {
            var from = _e.Status;
            _e.Status = to;
            if (to != from || target is not null)
            {
                StartStep(at);
            }

            _e.UpdatedAt = at;
            _e.Version++;
            Add(Entry(action, from, to, actor, at, target, note));
            planted.History.Add((at, to));
        }

        /// <summary>
        /// After a closing: the reporter's rating (about 40 % of residents' reports), the callback when
        /// the sample picks the event (its first closing only), and the centre's review of an
        /// "unsatisfied", which reopens the event once in a while and otherwise stands by the result.
        /// </summary>
        private void Aftercare(int round)
        {
            if (_e.ReporterPhone is null)
            {
                return;
            }

            var closedAt = _e.ClosedAt!.Value;
            var doings = new List<(DateTime At, int Attempt)>();
            if (_random.NextDouble() < 0.4)
            {
                doings.Add((closedAt + year.LogNormal(TimeSpan.FromHours(8), 1.0), 0));
            }

            Callback? callback = null;
            if (round == 1 && CallbackSampling.IsSampled(CallbackSeed, _e.Number, CallbackShare))
            {
                callback = new Callback { EventId = _e.Id, SampledAt = closedAt, Status = CallbackStatus.Due, Version = 1 };
                planted.Callbacks.Add(callback);
                var call = closedAt + year.LogNormal(TimeSpan.FromHours(30), 0.6);
                for (var attempt = 1; attempt <= 3; attempt++, call += year.LogNormal(TimeSpan.FromHours(24), 0.3))
                {
                    doings.Add((call, attempt));
                }
            }

            // An "unsatisfied" is reviewed some hours later; what would come after the review is not done.
            DateTime? reviewAt = null;
            foreach (var (at, attempt) in doings.OrderBy(d => d.At))
            {
                if (at >= (reviewAt ?? year._now))
                {
                    break;
                }

                var said = attempt == 0
                    ? _e.Status == EventStatus.Closed ? Rate(at) : null
                    : callback!.Status == CallbackStatus.Due ? Call(callback, attempt, at) : null;
                if (said == Satisfaction.Unsatisfied)
                {
                    reviewAt ??= at + year.LogNormal(TimeSpan.FromHours(20), 0.6);
                }
            }

            if (reviewAt is { } reviewedAt && reviewedAt < year._now)
            {
                Review(reviewedAt, round);
            }
        }

        private Satisfaction Draw()
        {
            var draw = _random.NextDouble();
            return draw < 0.72 ? Satisfaction.Satisfied : draw < 0.91 ? Satisfaction.BasicallySatisfied : Satisfaction.Unsatisfied;
        }

        /// <summary>The reporter rates on the residents' pages (<c>ResidentRating.RateAsync</c>).</summary>
        private Satisfaction Rate(DateTime at)
        {
            var satisfaction = Draw();
            _e.Satisfaction = satisfaction;
            _e.Status = EventStatus.Evaluated;
            _e.UpdatedAt = at;
            _e.Version++;
            if (satisfaction == Satisfaction.Unsatisfied)
            {
                _e.ReviewRequestedAt ??= at;
            }

            planted.Evaluations.Add(Evaluation(satisfaction, EvaluationSource.Reporter, true, _e.ResidentId!.Value, _e.ReporterName, at));
            Add(TimelineEntry.ByResident(EventAction.Evaluate, EventStatus.Closed, EventStatus.Evaluated, _e.ResidentId!.Value, _e.ReporterName, at));
            planted.History.Add((at, EventStatus.Evaluated));
            return satisfaction;
        }

        /// <summary>One call of the callback desk (<c>CallbackDeskWork</c>): reached, nobody there, or declined.</summary>
        private Satisfaction? Call(Callback callback, int attempt, DateTime at)
        {
            var desk = _world.ActorOf(_world.CentreOf(_e.StreetId!.Value));
            var from = _e.Status;
            var draw = _random.NextDouble();
            Satisfaction? said = null;
            string note;
            if (draw < 0.62)
            {
                var satisfaction = Draw();
                said = satisfaction;
                callback.Status = CallbackStatus.Reached;
                callback.Satisfaction = satisfaction;
                var isRoundRating = _e.Satisfaction is null;
                planted.Evaluations.Add(Evaluation(satisfaction, EvaluationSource.Callback, isRoundRating, desk.Id, desk.Name, at));
                if (isRoundRating)
                {
                    _e.Satisfaction = satisfaction;
                    _e.Status = EventStatus.Evaluated;
                    _e.UpdatedAt = at;
                    _e.Version++;
                    planted.History.Add((at, EventStatus.Evaluated));
                }

                if (satisfaction == Satisfaction.Unsatisfied)
                {
                    _e.ReviewRequestedAt ??= at;
                }

                note = $"已回访：{SatisfactionText(satisfaction)}";
            }
            else if (draw < 0.66)
            {
                callback.Status = CallbackStatus.Declined;
                note = "群众拒绝回访";
            }
            else
            {
                callback.Attempts++;
                callback.LastAttemptAt = at;
                callback.Status = attempt >= 3 ? CallbackStatus.NotReached : CallbackStatus.Due;
                note = attempt >= 3 ? $"第{attempt}次未接通，不再回访" : $"第{attempt}次未接通";
            }

            callback.ByUserId = desk.Id;
            callback.ByName = desk.Name;
            callback.At = at;
            callback.Version++;
            Add(Entry(EventAction.Callback, from, _e.Status, desk, at, null, note));
            return said;
        }

        /// <summary>The centre's review of an unsatisfied resident (<c>ReviewQueue</c>): a reopening once in three (first round only), else it stands by the result.</summary>
        private void Review(DateTime at, int round)
        {
            var centre = _world.CentreOf(_e.StreetId!.Value);
            var desk = _world.ActorOf(centre);
            _e.ReviewRequestedAt = null;
            if (round > 1 || _random.NextDouble() >= 0.35)
            {
                _e.UpdatedAt = at;
                _e.Version++;
                Add(Entry(EventAction.ReviewConfirmed, _e.Status, _e.Status, desk, at, null, "经复核，处置结果符合要求"));
                return;
            }

            year.Tally.Reopened++;
            // The new round begins unrated; the round that ended keeps its evaluation.
            _e.HolderUnitId = centre.Id;
            _e.HandlerUnitId = null;
            _e.ClosedAt = null;
            _e.Satisfaction = null;
            _e.EvaluationComment = null;
            Move(EventAction.Reopen, EventStatus.Reported, desk, at, centre, "群众不满意，重新办理");
            Live(round + 1);
        }

        private Evaluation Evaluation(Satisfaction satisfaction, EvaluationSource source, bool isRoundRating, Guid byId, string byName, DateTime at) => new()
        {
            EventId = _e.Id,
            Round = _e.Timeline.Count(t => t.Action == EventAction.Reopen) + 1,
            Satisfaction = satisfaction,
            Source = source,
            IsRoundRating = isRoundRating,
            ById = byId,
            ByName = byName,
            At = at,
        };

        private static string SatisfactionText(Satisfaction satisfaction) => satisfaction switch
        {
            Satisfaction.Satisfied => "满意",
            Satisfaction.BasicallySatisfied => "基本满意",
            _ => "不满意",
        };

        private EventAssignment? LeadOf() =>
            _e.Assignments.SingleOrDefault(a => a.Role == AssignmentRole.Lead && a.Status == AssignmentStatus.Pending && a.DepartmentId == _e.HolderUnitId);

        private EventAssignment NewLead(int departmentId, DateTime at) =>
            new() { EventId = _e.Id, DepartmentId = departmentId, Role = AssignmentRole.Lead, Status = AssignmentStatus.Pending, AssignedAt = at };

        private void WithdrawPending(DateTime at)
        {
            foreach (var pending in _e.Assignments.Where(a => a.Status == AssignmentStatus.Pending))
            {
                Finish(pending, AssignmentStatus.Withdrawn, at, null);
            }
        }

        private static void Finish(EventAssignment? assignment, AssignmentStatus status, DateTime at, string? note)
        {
            if (assignment is null)
            {
                return;
            }

            assignment.Status = status;
            assignment.FinishedAt = at;
            assignment.Note = note ?? assignment.Note;
        }
    }
}
