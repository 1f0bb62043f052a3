namespace AfterSales.Models;

/// <summary>A supervisor adds a solution to one of a model's fault codes, possibly adopting a case's new one.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.AddSolutionRequest")]
public sealed record AddSolutionRequest(
    [property: Id(0)] string FaultCode,
    [property: Id(1)] string Summary,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? SourceCase = null);
