namespace AfterSales.Domain.Installation;

/// <summary>What a technician sends for one checklist item, before it is judged against the item's template.</summary>
internal sealed record ChecklistEntry(bool? Passed, decimal? Value, string? Unit, bool Deviation, string? Note);

/// <summary>The judgement of an entry: either a refusal naming the field at fault, or whether the item passed and
/// whether it was recorded as a deviation.</summary>
internal sealed record ChecklistEvaluation(bool Passed, bool Deviation, string? RefusedField, string? Refusal)
{
    public bool IsRefused => RefusedField is not null;

    public static ChecklistEvaluation Accept(bool passed, bool deviation) => new(passed, deviation, null, null);

    public static ChecklistEvaluation Refuse(string field, string message) => new(false, false, field, message);
}
