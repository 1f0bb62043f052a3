using AfterSales.Domain.Installation;
using AfterSales.Models;

namespace AfterSales.Tests.Unit.Domain.Installation;

public sealed class ChecklistEvaluatorTests
{
    private static readonly ChecklistItemTemplate Voltage =
        new("supply-voltage", "Supply voltage at the terminal", ChecklistItemKind.Measurement, "V", 200m, 240m, Required: true);

    private static readonly ChecklistItemTemplate Grounding =
        new("grounding", "Protective earth connected", ChecklistItemKind.Check, null, null, null, Required: true);

    private static ChecklistEntry Measured(decimal? value, string? unit = "V", bool deviation = false, string? note = null, bool? passed = null) =>
        new(passed, value, unit, deviation, note);

    [Theory]
    [InlineData(200)]
    [InlineData(220.5)]
    [InlineData(240)]
    public void AMeasurementWithinItsRangeIncludingBothEndsPasses(decimal value)
    {
        var result = ChecklistEvaluator.Evaluate(Voltage, Measured(value));

        Assert.Equal(ChecklistEvaluation.Accept(passed: true, deviation: false), result);
    }

    [Theory]
    [InlineData(199.99)]
    [InlineData(240.01)]
    [InlineData(2200)]
    public void AMeasurementOutsideItsRangeIsRefusedOnTheValueNamingTheRange(decimal value)
    {
        var result = ChecklistEvaluator.Evaluate(Voltage, Measured(value));

        Assert.Equal("value", result.RefusedField);
        Assert.Contains("200 to 240 V", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("deviation", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutOfRangeMeasurementMarkedAsADeviationWithANoteIsRecordedAsFailed()
    {
        var result = ChecklistEvaluator.Evaluate(Voltage, Measured(251m, deviation: true, note: "Grid runs high at this site."));

        Assert.Equal(ChecklistEvaluation.Accept(passed: false, deviation: true), result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void ADeviationWithoutANoteIsRefusedOnTheNote(string? note)
    {
        var result = ChecklistEvaluator.Evaluate(Voltage, Measured(251m, deviation: true, note: note));

        Assert.Equal("note", result.RefusedField);
    }

    [Fact]
    public void ADeviationForAValueWithinTheRangeIsRefused()
    {
        var result = ChecklistEvaluator.Evaluate(Voltage, Measured(230m, deviation: true, note: "Looks odd."));

        Assert.Equal("deviation", result.RefusedField);
    }

    [Theory]
    [InlineData("v")]
    [InlineData("mV")]
    [InlineData("volt")]
    public void AMeasurementInAnotherUnitIsRefusedOnTheUnitNamingTheExpectedOneBecauseUnitsAreCaseSensitive(string unit)
    {
        var result = ChecklistEvaluator.Evaluate(Voltage, Measured(230m, unit));

        Assert.Equal("unit", result.RefusedField);
        Assert.Contains("'V'", result.Refusal, StringComparison.Ordinal);
        Assert.Contains($"'{unit}'", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void SurroundingSpacesOfAUnitAreIgnored()
    {
        Assert.False(ChecklistEvaluator.Evaluate(Voltage, Measured(230m, " V ")).IsRefused);
    }

    [Fact]
    public void AMeasurementWithoutAUnitOrAValueIsRefusedOnTheMissingField()
    {
        Assert.Equal("unit", ChecklistEvaluator.Evaluate(Voltage, Measured(230m, unit: null)).RefusedField);
        Assert.Equal("value", ChecklistEvaluator.Evaluate(Voltage, Measured(null)).RefusedField);
    }

    [Fact]
    public void PassedSentForAMeasurementIsRefusedOnPassed()
    {
        var result = ChecklistEvaluator.Evaluate(Voltage, Measured(230m, passed: true));

        Assert.Equal("passed", result.RefusedField);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ACheckIsAnsweredWithPassedAndKeepsWhatWasMarked(bool passed)
    {
        var result = ChecklistEvaluator.Evaluate(Grounding, new ChecklistEntry(passed, null, null, false, null));

        Assert.Equal(ChecklistEvaluation.Accept(passed, deviation: false), result);
    }

    [Fact]
    public void AValueOrAUnitForACheckIsRefusedOnThatField()
    {
        Assert.Equal("value", ChecklistEvaluator.Evaluate(Grounding, new ChecklistEntry(true, 1m, null, false, null)).RefusedField);
        Assert.Equal("unit", ChecklistEvaluator.Evaluate(Grounding, new ChecklistEntry(true, null, "V", false, null)).RefusedField);
    }

    [Fact]
    public void ACheckWithoutPassedOrMarkedAsADeviationIsRefused()
    {
        Assert.Equal("passed", ChecklistEvaluator.Evaluate(Grounding, new ChecklistEntry(null, null, null, false, null)).RefusedField);
        Assert.Equal("deviation", ChecklistEvaluator.Evaluate(Grounding, new ChecklistEntry(false, null, null, true, "Loose.")).RefusedField);
    }

    [Fact]
    public void OpenEndedRangesBoundOnlyOneSide()
    {
        var pressure = Voltage with { Id = "pressure", Unit = "bar", Min = 1.5m, Max = null };
        var play = Voltage with { Id = "play", Unit = "mm", Min = null, Max = 3m };

        Assert.False(ChecklistEvaluator.Evaluate(pressure, Measured(1000m, "bar")).IsRefused);
        Assert.Equal("value", ChecklistEvaluator.Evaluate(pressure, Measured(1.4m, "bar")).RefusedField);
        Assert.Contains("at least 1.5 bar", ChecklistEvaluator.Evaluate(pressure, Measured(1.4m, "bar")).Refusal, StringComparison.Ordinal);
        Assert.False(ChecklistEvaluator.Evaluate(play, Measured(-2m, "mm")).IsRefused);
        Assert.Contains("at most 3 mm", ChecklistEvaluator.Evaluate(play, Measured(3.1m, "mm")).Refusal, StringComparison.Ordinal);
    }
}
