using AfterSales.Complaints;
using AfterSales.Domain.Complaints;

namespace AfterSales.Tests.Unit.Domain.Complaints;

public sealed class ComplaintStateMachineTests
{
    private static readonly ComplaintInput Complete = new("lead.wang", "Customer was called back.", RootCauseCategory.StaffError, "Retrained the technician.");

    public static TheoryData<ComplaintStatus, ComplaintAction, ComplaintStatus> LegalTransitions => new()
    {
        { ComplaintStatus.Received, ComplaintAction.Acknowledge, ComplaintStatus.Acknowledged },
        { ComplaintStatus.Acknowledged, ComplaintAction.Investigate, ComplaintStatus.Investigating },
        { ComplaintStatus.Investigating, ComplaintAction.SubmitForReview, ComplaintStatus.AwaitingReview },
        { ComplaintStatus.AwaitingReview, ComplaintAction.Approve, ComplaintStatus.Resolved },
        { ComplaintStatus.AwaitingReview, ComplaintAction.SendBack, ComplaintStatus.Investigating },
        { ComplaintStatus.Resolved, ComplaintAction.Confirm, ComplaintStatus.Closed },
        { ComplaintStatus.Resolved, ComplaintAction.Reject, ComplaintStatus.Investigating },
    };

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void EveryLegalTransitionLeadsToItsTargetStatus(ComplaintStatus from, ComplaintAction action, ComplaintStatus expected)
    {
        var transition = ComplaintStateMachine.Apply(from, action, Complete, submittedBy: "agent.li");

        Assert.True(transition.IsAllowed, transition.Error);
        Assert.Equal(expected, transition.To);
    }

    [Fact]
    public void EveryOtherPairOfStatusAndActionIsAConflictListingWhatIsAllowed()
    {
        var legal = LegalTransitions.Select(row => ((ComplaintStatus)row[0], (ComplaintAction)row[1])).ToHashSet();
        var refused = 0;
        foreach (var status in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var action in Enum.GetValues<ComplaintAction>().Where(a => !legal.Contains((status, a))))
            {
                var transition = ComplaintStateMachine.Apply(status, action, Complete, submittedBy: "agent.li");

                Assert.Equal(ComplaintRefusal.Conflict, transition.Refusal);
                Assert.Equal(status, transition.To);
                Assert.Equal(ComplaintStateMachine.AllowedActions(status), transition.Allowed);
                refused++;
            }
        }
        Assert.Equal((6 * 7) - 7, refused);
    }

    [Fact]
    public void NothingButAnApprovalResolvesAComplaint()
    {
        var resolving = Enum.GetValues<ComplaintStatus>()
            .SelectMany(status => Enum.GetValues<ComplaintAction>().Select(action => (status, action)))
            .Where(p => ComplaintStateMachine.Apply(p.status, p.action, Complete, "agent.li") is { IsAllowed: true, To: ComplaintStatus.Resolved })
            .ToArray();

        Assert.Equal([(ComplaintStatus.AwaitingReview, ComplaintAction.Approve)], resolving);
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, new[] { ComplaintAction.Acknowledge })]
    [InlineData(ComplaintStatus.AwaitingReview, new[] { ComplaintAction.Approve, ComplaintAction.SendBack })]
    [InlineData(ComplaintStatus.Resolved, new[] { ComplaintAction.Confirm, ComplaintAction.Reject })]
    [InlineData(ComplaintStatus.Closed, new ComplaintAction[0])]
    public void TheAllowedActionsFollowTheTransitionTable(ComplaintStatus status, ComplaintAction[] expected) =>
        Assert.Equal(expected, ComplaintStateMachine.AllowedActions(status));

    [Fact]
    public void ARefusalNamesTheStatusAndTheAllowedActions()
    {
        var transition = ComplaintStateMachine.Apply(ComplaintStatus.Investigating, ComplaintAction.Approve, Complete);

        Assert.Equal("Cannot approve a complaint that is investigating; allowed actions: submitForReview.", transition.Error);
    }

    [Fact]
    public void FindingsNeedARootCause()
    {
        var transition = ComplaintStateMachine.Apply(ComplaintStatus.Investigating, ComplaintAction.SubmitForReview,
            Complete with { RootCause = null });

        Assert.Equal(ComplaintRefusal.Invalid, transition.Refusal);
        Assert.Equal("rootCause", transition.ErrorField);
    }

    [Fact]
    public void FindingsNeedARootCauseFromTheClosedList()
    {
        var transition = ComplaintStateMachine.Apply(ComplaintStatus.Investigating, ComplaintAction.SubmitForReview,
            Complete with { RootCause = (RootCauseCategory)42 });

        Assert.Equal("rootCause", transition.ErrorField);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void FindingsNeedACorrectiveAction(string? correctiveAction)
    {
        var transition = ComplaintStateMachine.Apply(ComplaintStatus.Investigating, ComplaintAction.SubmitForReview,
            Complete with { CorrectiveAction = correctiveAction });

        Assert.Equal(ComplaintRefusal.Invalid, transition.Refusal);
        Assert.Equal("correctiveAction", transition.ErrorField);
    }

    [Theory]
    [InlineData(ComplaintStatus.AwaitingReview, ComplaintAction.SendBack)]
    [InlineData(ComplaintStatus.Resolved, ComplaintAction.Reject)]
    public void SendingBackAndRejectingNeedAReason(ComplaintStatus from, ComplaintAction action)
    {
        var transition = ComplaintStateMachine.Apply(from, action, Complete with { Reason = " " }, submittedBy: "agent.li");

        Assert.Equal(ComplaintRefusal.Invalid, transition.Refusal);
        Assert.Equal("reason", transition.ErrorField);
    }

    [Theory]
    [InlineData(ComplaintAction.Approve)]
    [InlineData(ComplaintAction.SendBack)]
    public void WhoSubmittedTheFindingsCannotReviewThem(ComplaintAction action)
    {
        var transition = ComplaintStateMachine.Apply(ComplaintStatus.AwaitingReview, action, Complete with { Actor = "Agent.Li" }, submittedBy: "agent.li");

        Assert.Equal(ComplaintRefusal.Unprocessable, transition.Refusal);
        Assert.Equal(ComplaintStateMachine.ActorField, transition.ErrorField);
        Assert.Equal(ComplaintStatus.AwaitingReview, transition.To);
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, true)]
    [InlineData(ComplaintStatus.Acknowledged, true)]
    [InlineData(ComplaintStatus.Investigating, true)]
    [InlineData(ComplaintStatus.AwaitingReview, true)]
    [InlineData(ComplaintStatus.Resolved, false)]
    [InlineData(ComplaintStatus.Closed, false)]
    public void TheSeverityMayRiseOnlyBeforeTheResolution(ComplaintStatus status, bool allowed) =>
        Assert.Equal(allowed, ComplaintStateMachine.CanEscalate(status));

    [Fact]
    public void OnlyAResolvedComplaintTimesOut() =>
        Assert.Equal([ComplaintStatus.Resolved], Enum.GetValues<ComplaintStatus>().Where(ComplaintStateMachine.CanTimeOut));
}
