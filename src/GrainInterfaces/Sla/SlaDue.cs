namespace AfterSales.Sla;

/// <summary>Which target a case's next open due time belongs to. Stored: never renumber.</summary>
[GenerateSerializer, Alias("AfterSales.Sla.SlaDueTarget")]
public enum SlaDueTarget
{
    /// <summary>The first response (start of work or a customer-visible note) is still open.</summary>
    FirstResponse = 0,

    /// <summary>The first response is done; the resolution is open.</summary>
    Resolution = 1,
}

/// <summary>A case's next open SLA target and when it is due, handed to its department with the case so the department
/// can predict a breach without asking the case.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.SlaDue")]
public sealed record SlaDue([property: Id(0)] SlaDueTarget Target, [property: Id(1)] DateTimeOffset DueAt);

/// <summary>A department's prediction for a case it flagged at risk of breaching.</summary>
/// <param name="PredictedAt">When the target is predicted to be met (start of work for the first response, the end
/// of work for the resolution).</param>
/// <param name="Target">The target the prediction is for.</param>
/// <param name="DueAt">When that target is due.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.SlaForecast")]
public sealed record SlaForecast(
    [property: Id(0)] DateTimeOffset PredictedAt,
    [property: Id(1)] SlaDueTarget Target,
    [property: Id(2)] DateTimeOffset DueAt);
