using AfterSales.Complaints;
using AfterSales.Domain.Complaints;

namespace AfterSales.Tests.Unit.Domain.Complaints;

public sealed class AcknowledgementTargetsTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 28, 22, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ComplaintSeverity.Low, 48)]
    [InlineData(ComplaintSeverity.Medium, 24)]
    [InlineData(ComplaintSeverity.High, 8)]
    [InlineData(ComplaintSeverity.Critical, 4)]
    public void TheDefaultTargetOfEachSeverityCountsCalendarHoursFromReceipt(ComplaintSeverity severity, int hours) =>
        Assert.Equal(Received.AddHours(hours), AcknowledgementTargets.Default.DueAt(Received, severity));

    [Fact]
    public void AConfiguredTargetReplacesTheDefault()
    {
        var targets = AcknowledgementTargets.Default with { Critical = TimeSpan.FromMinutes(30) };

        Assert.Equal(Received.AddMinutes(30), targets.DueAt(Received, ComplaintSeverity.Critical));
    }

    [Fact]
    public void AnEscalationBringsTheDueTimeForwardToTheNewSeveritysTargetFromReceipt()
    {
        var due = AcknowledgementTargets.Default.DueAt(Received, ComplaintSeverity.Low);

        Assert.Equal(Received.AddHours(4), AcknowledgementTargets.Default.DueAfterEscalation(Received, due, ComplaintSeverity.Critical));
    }

    [Fact]
    public void AnEscalationNeverGrantsMoreTime()
    {
        // Configured oddly: the higher severity would get longer; the current, earlier due time stands.
        var targets = AcknowledgementTargets.Default with { High = TimeSpan.FromHours(72) };
        var due = targets.DueAt(Received, ComplaintSeverity.Medium);

        Assert.Equal(due, targets.DueAfterEscalation(Received, due, ComplaintSeverity.High));
    }

    [Fact]
    public void AnAcknowledgementAtTheDueInstantMeetsTheTarget()
    {
        var due = Received.AddHours(8);

        Assert.True(AcknowledgementTargets.Met(due, due, due.AddDays(1)));
        Assert.False(AcknowledgementTargets.Met(due, due.AddTicks(1), due.AddDays(1)));
    }

    [Fact]
    public void AnUnacknowledgedComplaintIsPendingUntilItsDueTimeAndMissedAfter()
    {
        var due = Received.AddHours(8);

        Assert.Null(AcknowledgementTargets.Met(due, null, due));
        Assert.False(AcknowledgementTargets.Met(due, null, due.AddTicks(1)));
    }

    [Fact]
    public void AnUndefinedSeverityHasNoTarget() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AcknowledgementTargets.Default.For((ComplaintSeverity)9));
}
