using AfterSales.Common;
using AfterSales.Domain.Installation;
using AfterSales.Installation;

namespace AfterSales.Tests.Unit.Domain.Installation;

public sealed class CommissioningTextsTests
{
    private static CommissioningReport Report(CommissioningVerdict outcome, int deviations) => new(
        "AS-2026-000042", "SN-1", "HX-200", "C-1", null, "T-7", new CustomerSignOff("Wang Fang", new DateTimeOffset(2026, 5, 2, 14, 30, 0, TimeSpan.Zero)),
        outcome, [], [],
        [.. Enumerable.Range(1, deviations).Select(i => new ReportDeviation($"item-{i}", "Item", "check failed", new string('n', 1500)))],
        DateTimeOffset.UnixEpoch, "T-7", outcome == CommissioningVerdict.Fail ? "AS-2026-000043" : null, Completed: false);

    [Fact]
    public void APassedResolutionSaysWhoSignedOffAndAFailedOneNamesTheFaultCase()
    {
        Assert.StartsWith("Commissioning passed", CommissioningTexts.Resolution(Report(CommissioningVerdict.Pass, 0)), StringComparison.Ordinal);
        Assert.Contains("Wang Fang", CommissioningTexts.Resolution(Report(CommissioningVerdict.Pass, 0)), StringComparison.Ordinal);
        Assert.Contains("fault case AS-2026-000043", CommissioningTexts.Resolution(Report(CommissioningVerdict.Fail, 2)), StringComparison.Ordinal);
    }

    [Fact]
    public void LongTextsAreCutToTheirFieldLimits()
    {
        var report = Report(CommissioningVerdict.Fail, 40);

        Assert.True(CommissioningTexts.Resolution(report).Length <= FieldLimits.Summary);
        Assert.Equal(FieldLimits.Description, CommissioningTexts.FaultDescription(report).Length);
        Assert.True(CommissioningTexts.FaultSubject(report with { Model = new string('m', 300) }).Length <= FieldLimits.Subject);
    }
}
