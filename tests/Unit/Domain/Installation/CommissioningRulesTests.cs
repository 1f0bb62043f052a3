using AfterSales.Domain.Installation;
using AfterSales.Installation;
using AfterSales.Models;

namespace AfterSales.Tests.Unit.Domain.Installation;

public sealed class CommissioningRulesTests
{
    private static readonly ChecklistItemTemplate[] Items =
    [
        new("grounding", "Protective earth connected", ChecklistItemKind.Check, null, null, null, Required: true),
        new("supply-voltage", "Supply voltage", ChecklistItemKind.Measurement, "V", 200m, 240m, Required: true),
        new("noise", "Noise at 1 m", ChecklistItemKind.Measurement, "dB", null, 60m, Required: false),
        new("labels", "Safety labels fitted", ChecklistItemKind.Check, null, null, null, Required: false),
    ];

    private static ChecklistAnswer Answer(string id, bool passed, decimal? value = null, string? unit = null, bool deviation = false, string? note = null) =>
        new(id, passed, value, unit, [], note, deviation, "T-1", DateTimeOffset.UnixEpoch);

    private static Dictionary<string, ChecklistAnswer> Answers(params ChecklistAnswer[] answers) => answers.ToDictionary(a => a.ItemId);

    [Fact]
    public void MissingRequiredItemsAreListedInChecklistOrderAndOptionalOnesNever()
    {
        Assert.Equal(["grounding", "supply-voltage"], CommissioningRules.MissingRequired(Items, Answers()).ToArray());
        Assert.Equal(["supply-voltage"], CommissioningRules.MissingRequired(Items, Answers(Answer("grounding", true))).ToArray());
        Assert.Empty(CommissioningRules.MissingRequired(Items, Answers(Answer("grounding", false), Answer("supply-voltage", true, 230m, "V"))));
    }

    [Fact]
    public void TheOutcomeIsPassOnlyWhenEveryAnsweredItemPassed()
    {
        Assert.Equal(CommissioningVerdict.Pass, CommissioningRules.Verdict([Answer("grounding", true), Answer("supply-voltage", true, 230m, "V")]));
        Assert.Equal(CommissioningVerdict.Fail, CommissioningRules.Verdict([Answer("grounding", true), Answer("labels", false)]));
        Assert.Equal(CommissioningVerdict.Pass, CommissioningRules.Verdict([]));
    }

    [Fact]
    public void ProgressCountsAnsweredRequiredPassedAndFailedItems()
    {
        var progress = CommissioningRules.Progress(Items, Answers(Answer("grounding", true), Answer("noise", false, 72m, "dB", true, "Fan bearing.")));

        Assert.Equal(new ChecklistProgress(Total: 4, Answered: 2, Required: 2, RequiredAnswered: 1, Passed: 1, Failed: 1), progress);
    }

    [Fact]
    public void TheReportListsEveryItemByKindAndEachFailedItemAsADeviation()
    {
        var (checks, measurements, deviations) = CommissioningRules.Contents(Items, Answers(
            Answer("grounding", false, note: "Earth lead missing."),
            Answer("supply-voltage", true, 231.5m, "V"),
            Answer("noise", false, 72m, "dB", deviation: true, note: "Fan bearing.")));

        Assert.Equal(["grounding", "labels"], checks.Select(c => c.ItemId));
        Assert.Equal([false, null], checks.Select(c => c.Passed));
        Assert.Equal(["supply-voltage", "noise"], measurements.Select(m => m.ItemId));
        Assert.Equal(231.5m, measurements[0].Value);
        Assert.Equal((200m, 240m, "V"), (measurements[0].Min, measurements[0].Max, measurements[0].Unit));
        Assert.Equal(
            [new ReportDeviation("grounding", "Protective earth connected", "check failed", "Earth lead missing."),
             new ReportDeviation("noise", "Noise at 1 m", "72 dB, expected at most 60 dB", "Fan bearing.")],
            deviations.ToArray());
    }

    [Fact]
    public void TheBaselineHoldsEveryMeasuredValueWithItsUnit()
    {
        var baseline = CommissioningRules.Baseline(Items, Answers(Answer("grounding", true), Answer("supply-voltage", true, 231.5m, "V"), Answer("noise", true, 48m, "dB")));

        Assert.Equal([new("supply-voltage", 231.5m, "V"), new("noise", 48m, "dB")], baseline.ToArray());
    }
}
