using AfterSales.Sla;

namespace AfterSales.Cases;

/// <summary>A department's verdict on a case it predicts breaches for, sent only when the verdict changes.</summary>
/// <param name="From">The department (shard) key that holds the case queued, or whose technician holds it.</param>
/// <param name="Forecast">The prediction when the case became at risk; null when the risk cleared.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Cases.CaseSlaRisk")]
public sealed record CaseSlaRisk([property: Id(0)] string From, [property: Id(1)] SlaForecast? Forecast)
{
    /// <summary>What the department does about it ahead of the normal routing rules (e.g. drops the optional skills
    /// at once); recorded with reason <c>predictedBreach</c>. Null when nothing.</summary>
    [Id(2)] public string? Reroute { get; init; }

    /// <summary>True when the re-route dropped the case's optional skills (the case routes relaxed from now on).</summary>
    [Id(3)] public bool Relaxed { get; init; }

    /// <summary>For a case assigned but not started with work ahead of it at <see cref="MoveFrom"/>: the qualified
    /// technician with free capacity the case should move to (the case claims it, then releases the first).</summary>
    [Id(4)] public string? MoveTo { get; init; }

    /// <summary>The technician holding the case when the department decided the move.</summary>
    [Id(5)] public string? MoveFrom { get; init; }
}
