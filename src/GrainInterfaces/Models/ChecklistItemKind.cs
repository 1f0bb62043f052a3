namespace AfterSales.Models;

/// <summary>How a checklist item is answered.</summary>
[GenerateSerializer, Alias("AfterSales.ChecklistItemKind")]
public enum ChecklistItemKind
{
    /// <summary>Done or not: the technician marks it passed or failed.</summary>
    Check = 0,
    /// <summary>A measured value in a unit, passed when it lies within the expected range.</summary>
    Measurement = 1,
}
