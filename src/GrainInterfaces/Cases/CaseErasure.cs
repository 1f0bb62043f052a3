namespace AfterSales.Cases;

/// <summary>What a customer's erase changed in one case (counts only).</summary>
/// <param name="Events">Events written before the erase whose personal texts were rewritten in the journal.</param>
/// <param name="SurveyComments">Survey comments of the case erased.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseErasure")]
public sealed record CaseErasure(
    [property: Id(0)] int Events,
    [property: Id(1)] int SurveyComments);
