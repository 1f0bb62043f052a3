namespace AfterSales.Surveys;

/// <summary>What a case hands to the survey grain of a new token: everything the survey shows and counts by.</summary>
/// <param name="SurveyId">The survey's own id (a version-7 GUID, not secret): aggregates de-duplicate by it, logs name it.</param>
/// <param name="CaseNumber">The case asked about.</param>
/// <param name="Trigger">Resolution or visit.</param>
/// <param name="Source">What it is about within the case, unique per case: <c>resolution-1</c>, <c>visit-3</c>.</param>
/// <param name="CustomerId">Whose language the questions are in (never shown).</param>
/// <param name="TechnicianId">The technician the survey rates (the case's technician, or the visit's), or null.</param>
/// <param name="Subject">The case's subject, shown to the customer.</param>
/// <param name="Department">The case's department slug at issue, e.g. <c>maintenance</c>.</param>
/// <param name="Region">The case's region at issue.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ExpiresAt">From this instant on it takes no response.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.SurveyIssue")]
public sealed record SurveyIssue(
    [property: Id(0)] Guid SurveyId,
    [property: Id(1)] string CaseNumber,
    [property: Id(2)] SurveyTrigger Trigger,
    [property: Id(3)] string Source,
    [property: Id(4)] string CustomerId,
    [property: Id(5)] string? TechnicianId,
    [property: Id(6)] string Subject,
    [property: Id(7)] string Department,
    [property: Id(8)] string Region,
    [property: Id(9)] DateTimeOffset IssuedAt,
    [property: Id(10)] DateTimeOffset ExpiresAt);
