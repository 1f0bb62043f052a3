using AfterSales.Sla;

namespace AfterSales.Departments;

/// <summary>A case its department predicts to breach its next SLA target.</summary>
/// <param name="TechnicianId">The technician holding it when it is assigned but not started; null while queued.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Departments.AtRiskCase")]
public sealed record AtRiskCase(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] string? TechnicianId,
    [property: Id(2)] SlaForecast Forecast);
