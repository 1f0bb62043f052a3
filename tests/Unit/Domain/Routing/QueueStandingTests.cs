using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Routing;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class QueueStandingTests
{
    private static CaseQueueStanding Standing(CaseStatus status = CaseStatus.New, bool queued = true, bool relaxed = false, WaitingReasonKind? waiting = null) =>
        new(status, Department.Maintenance, "east", queued, relaxed, waiting);

    [Fact]
    public void AnEntryWhoseCaseIsGoneOrNoLongerNewOrElsewhereIsDropped()
    {
        Assert.Equal(QueueVerdict.Drop, QueueStanding.Judge(null, false, false, null));
        Assert.Equal(QueueVerdict.Drop, QueueStanding.Judge(Standing(CaseStatus.Cancelled, queued: false), true, false, null));
        Assert.Equal(QueueVerdict.Drop, QueueStanding.Judge(Standing(CaseStatus.Assigned, queued: false), true, false, null));
        Assert.Equal(QueueVerdict.Drop, QueueStanding.Judge(Standing(), homedHere: false, false, null));
    }

    [Fact]
    public void ANewCaseWhoseRoutingWasInterruptedKeepsItsEntry()
    {
        Assert.Equal(QueueVerdict.Keep, QueueStanding.Judge(Standing(queued: false), true, relaxed: true, WaitingReasonKind.NobodyOnShift));
    }

    [Fact]
    public void MissedNoticesAreSentAgain()
    {
        var verdict = QueueStanding.Judge(Standing(relaxed: false, waiting: WaitingReasonKind.NobodyOnShift), true, relaxed: true, WaitingReasonKind.Unroutable);

        Assert.Equal(QueueVerdict.RetellRelaxed | QueueVerdict.RetellWaiting, verdict);
        Assert.Equal(QueueVerdict.Keep, QueueStanding.Judge(Standing(relaxed: true, waiting: WaitingReasonKind.Unroutable), true, true, WaitingReasonKind.Unroutable));
        Assert.Equal(QueueVerdict.Keep, QueueStanding.Judge(Standing(waiting: WaitingReasonKind.AllAtCapacity), true, false, told: null));
    }
}
