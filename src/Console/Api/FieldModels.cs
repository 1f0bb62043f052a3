namespace AfterSales.Console.Api;

// The members of the installation, visit and survey answers the technician's and the customer's screens show.

internal sealed record Checklist(string WorkOrderNumber, string DeviceSerial, string Model, IReadOnlyList<ChecklistItem> Items,
    ChecklistProgress Progress, string? Outcome, int Version);

internal sealed record ChecklistItem(string Id, string Text, string Kind, string? Unit, decimal? Min, decimal? Max, bool Required,
    ChecklistAnswer? Answer);

internal sealed record ChecklistAnswer(bool Passed, decimal? Value, string? Unit, string? Note, bool Deviation, DateTimeOffset AnsweredAt);

internal sealed record ChecklistProgress(int Total, int Answered, int Required, int RequiredAnswered, int Passed, int Failed);

internal sealed record CommissioningReport(string Outcome);

internal sealed record Visit(int Id, string? TechnicianId, string WorkDone, IReadOnlyList<VisitPart> Parts, int MinutesOnSite,
    string Outcome, DateTimeOffset RecordedAt);

internal sealed record VisitPart(string PartNumber, int Quantity);

/// <summary>What the console sends to record a visit (<c>POST /api/cases/{number}/visits</c>).</summary>
internal sealed record NewVisit(string WorkDone, string Outcome, int MinutesOnSite, IReadOnlyList<VisitPart> Parts);

/// <summary>The surveys of a case (a member of the case's answer).</summary>
internal sealed record CaseSurveys(string Number, IReadOnlyList<CaseSurvey> Surveys);




