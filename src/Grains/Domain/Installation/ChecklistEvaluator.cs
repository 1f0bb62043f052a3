using AfterSales.Models;

namespace AfterSales.Domain.Installation;

/// <summary>Judges a checklist answer against its item's template. A check is answered with passed true or false; a
/// measurement with a value in the item's unit, and passes when the value lies within the expected range (inclusive).
/// A value outside the range is refused — it is most often a typo — unless the technician marks it as a deviation with
/// a note, which records it as a failed item.</summary>
/// <remarks>Units are compared exactly (ordinal, after trimming): in SI units case carries meaning (<c>mV</c> and
/// <c>MV</c>, <c>K</c> and <c>k</c>), so <c>v</c> is not accepted for <c>V</c>.</remarks>
internal static class ChecklistEvaluator
{
    public static ChecklistEvaluation Evaluate(ChecklistItemTemplate item, ChecklistEntry entry) =>
        item.Kind == ChecklistItemKind.Measurement ? Measurement(item, entry) : Check(item, entry);

    /// <summary>The unit as the evaluator compares it: trimmed, empty when absent.</summary>
    public static string NormaliseUnit(string? unit) => unit?.Trim() ?? "";

    private static ChecklistEvaluation Check(ChecklistItemTemplate item, ChecklistEntry entry)
    {
        if (entry.Value is not null)
        {
            return ChecklistEvaluation.Refuse("value", $"Item '{item.Id}' is a check: answer it with passed true or false, not a value.");
        }
        if (entry.Unit is not null)
        {
            return ChecklistEvaluation.Refuse("unit", $"Item '{item.Id}' is a check: it takes no unit.");
        }
        if (entry.Deviation)
        {
            return ChecklistEvaluation.Refuse("deviation",
                $"Item '{item.Id}' is a check: a failed check is recorded with passed false; only a measurement outside its range is a deviation.");
        }
        if (entry.Passed is not { } passed)
        {
            return ChecklistEvaluation.Refuse("passed", $"Item '{item.Id}' is a check: answer it with passed true or false.");
        }
        return ChecklistEvaluation.Accept(passed, deviation: false);
    }

    private static ChecklistEvaluation Measurement(ChecklistItemTemplate item, ChecklistEntry entry)
    {
        var expectedUnit = NormaliseUnit(item.Unit);
        var range = ExpectedRanges.Describe(item);
        if (entry.Passed is not null)
        {
            return ChecklistEvaluation.Refuse("passed",
                $"Item '{item.Id}' is a measurement: send its value and unit; whether it passed follows from its range ({range}).");
        }
        if (entry.Value is not { } value)
        {
            return ChecklistEvaluation.Refuse("value", $"Item '{item.Id}' is a measurement: send its value in '{expectedUnit}' ({range}).");
        }
        var unit = NormaliseUnit(entry.Unit);
        if (!string.Equals(unit, expectedUnit, StringComparison.Ordinal))
        {
            return ChecklistEvaluation.Refuse("unit", unit.Length == 0
                ? $"Item '{item.Id}' is measured in '{expectedUnit}': send the unit."
                : $"Item '{item.Id}' is measured in '{expectedUnit}', not '{unit}' (units are case-sensitive).");
        }
        var inRange = ExpectedRanges.Contains(item, value);
        var measured = ExpectedRanges.Measured(value, expectedUnit);
        if (inRange)
        {
            return entry.Deviation
                ? ChecklistEvaluation.Refuse("deviation", $"{measured} lies within the expected range {range} of item '{item.Id}': it is no deviation.")
                : ChecklistEvaluation.Accept(passed: true, deviation: false);
        }
        if (!entry.Deviation)
        {
            return ChecklistEvaluation.Refuse("value",
                $"{measured} is outside the expected range {range} of item '{item.Id}'. If the measurement is right, record it "
                + "as a deviation: send deviation true with a note.");
        }
        if (string.IsNullOrWhiteSpace(entry.Note))
        {
            return ChecklistEvaluation.Refuse("note", $"A deviation needs a note saying what was found ({measured}, expected {range}).");
        }
        return ChecklistEvaluation.Accept(passed: false, deviation: true);
    }
}
