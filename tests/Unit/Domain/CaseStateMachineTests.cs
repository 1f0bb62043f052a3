using AfterSales.Cases;
using AfterSales.Domain;

namespace AfterSales.Tests.Unit.Domain;

public sealed class CaseStateMachineTests
{
    public static TheoryData<CaseStatus, CaseAction, CaseStatus> LegalTransitions => new()
    {
        { CaseStatus.Assigned, CaseAction.Start, CaseStatus.InProgress },
        { CaseStatus.InProgress, CaseAction.Wait, CaseStatus.WaitingForCustomer },
        { CaseStatus.WaitingForCustomer, CaseAction.Resume, CaseStatus.InProgress },
        { CaseStatus.InProgress, CaseAction.Resolve, CaseStatus.Resolved },
        { CaseStatus.WaitingForCustomer, CaseAction.Resolve, CaseStatus.Resolved },
        { CaseStatus.Resolved, CaseAction.Close, CaseStatus.Closed },
        { CaseStatus.Resolved, CaseAction.Reopen, CaseStatus.InProgress },
        { CaseStatus.New, CaseAction.Cancel, CaseStatus.Cancelled },
        { CaseStatus.Assigned, CaseAction.Cancel, CaseStatus.Cancelled },
        { CaseStatus.InProgress, CaseAction.Cancel, CaseStatus.Cancelled },
        { CaseStatus.WaitingForCustomer, CaseAction.Cancel, CaseStatus.Cancelled },
    };

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void EveryLegalTransitionLeadsToItsTargetState(CaseStatus from, CaseAction action, CaseStatus expected)
    {
        var transition = CaseStateMachine.Apply(from, action, summary: "Replaced the pump seal.");

        Assert.True(transition.IsAllowed, transition.Error);
        Assert.Equal(expected, transition.To);
    }

    [Fact]
    public void ExactlyTheLegalTransitionsAreAllowed()
    {
        var legal = LegalTransitions.Select(row => ((CaseStatus)row[0], (CaseAction)row[1])).ToHashSet();

        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                var transition = CaseStateMachine.Apply(status, action, summary: "done");
                Assert.Equal(legal.Contains((status, action)), transition.IsAllowed);
            }
        }
    }

    [Theory]
    [InlineData(CaseStatus.New, new[] { CaseAction.Cancel })]
    [InlineData(CaseStatus.Assigned, new[] { CaseAction.Start, CaseAction.Cancel })]
    [InlineData(CaseStatus.InProgress, new[] { CaseAction.Wait, CaseAction.Resolve, CaseAction.Cancel })]
    [InlineData(CaseStatus.WaitingForCustomer, new[] { CaseAction.Resume, CaseAction.Resolve, CaseAction.Cancel })]
    [InlineData(CaseStatus.Resolved, new[] { CaseAction.Close, CaseAction.Reopen })]
    [InlineData(CaseStatus.Closed, new CaseAction[0])]
    [InlineData(CaseStatus.Cancelled, new CaseAction[0])]
    public void AllowedActionsListWhatEachStateAccepts(CaseStatus status, CaseAction[] expected)
    {
        Assert.Equal(expected, CaseStateMachine.AllowedActions(status).ToArray());
    }

    [Fact]
    public void ClosingACaseInProgressIsRefusedNamingTheStateAndTheAllowedActions()
    {
        var transition = CaseStateMachine.Apply(CaseStatus.InProgress, CaseAction.Close);

        Assert.False(transition.IsAllowed);
        Assert.False(transition.IsInvalidInput);
        Assert.Equal(CaseStatus.InProgress, transition.To);
        Assert.Equal("Cannot close a case that is inProgress; allowed actions: wait, resolve, cancel.", transition.Error);
        Assert.Equal(new[] { CaseAction.Wait, CaseAction.Resolve, CaseAction.Cancel }, transition.Allowed.ToArray());
    }

    [Theory]
    [InlineData(CaseStatus.New, CaseAction.Start, "Cannot start a case that is new; allowed actions: cancel.")]
    [InlineData(CaseStatus.WaitingForCustomer, CaseAction.Wait, "Cannot wait a case that is waitingForCustomer; allowed actions: resume, resolve, cancel.")]
    [InlineData(CaseStatus.Resolved, CaseAction.Cancel, "Cannot cancel a case that is resolved; allowed actions: close, reopen.")]
    [InlineData(CaseStatus.Closed, CaseAction.Reopen, "Cannot reopen a case that is closed; no further actions are allowed.")]
    [InlineData(CaseStatus.Cancelled, CaseAction.Cancel, "Cannot cancel a case that is cancelled; no further actions are allowed.")]
    public void IllegalActionsAreRefusedWithACamelCaseMessage(CaseStatus from, CaseAction action, string message)
    {
        var transition = CaseStateMachine.Apply(from, action, summary: "x");

        Assert.False(transition.IsAllowed);
        Assert.Equal(message, transition.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ResolvingWithoutASummaryIsInvalidInputNotAConflict(string? summary)
    {
        var transition = CaseStateMachine.Apply(CaseStatus.InProgress, CaseAction.Resolve, summary);

        Assert.False(transition.IsAllowed);
        Assert.True(transition.IsInvalidInput);
        Assert.Equal("summary", transition.ErrorField);
    }

    [Theory]
    [InlineData(CaseStatus.New, true)]
    [InlineData(CaseStatus.Assigned, true)]
    [InlineData(CaseStatus.InProgress, true)]
    [InlineData(CaseStatus.WaitingForCustomer, true)]
    [InlineData(CaseStatus.Resolved, false)]
    [InlineData(CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Cancelled, false)]
    public void OpenStatesAreExactlyThoseThatCanBeCancelled(CaseStatus status, bool open)
    {
        Assert.Equal(open, CaseStateMachine.IsOpen(status));
        Assert.Equal(open, CaseStateMachine.AllowedActions(status).Contains(CaseAction.Cancel));
    }
}
