namespace AfterSales.Domain.Problems;

/// <summary>One fault case with a fault code, as problem detection sees it.</summary>
/// <param name="CaseNumber">The fault case; one sighting per case.</param>
/// <param name="Serial">The device's serial, read as series and number.</param>
/// <param name="At">When the case was opened.</param>
internal sealed record FaultSighting(string CaseNumber, SerialNumber Serial, DateTimeOffset At);
