namespace AfterSales.Console.Api;

internal sealed record CaseDetail(string Number, string Type, string Priority, string Channel, string Status, string? CustomerId,
    string? DeviceSerial, string Subject, string Description, string Department, string Region, string? AssignedTechnicianId,
    IReadOnlyList<CaseNote> Notes, string? ResolutionSummary, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<string> AllowedActions, long Version, WaitingReason? Waiting, CaseSla? Sla, IReadOnlyList<CaseSurvey>? Surveys);

internal sealed record CaseNote(long Id, string Text, string Visibility, string Author, DateTimeOffset CreatedAt);

internal sealed record CaseSla(string State, bool Paused, DateTimeOffset? NextDueAt, bool AtRisk);

internal sealed record CaseHistory(IReadOnlyList<CaseEvent> Events, long LastSequence, string? Next);

internal sealed record CaseEvent(long Sequence, string EventId, DateTimeOffset At, string Actor, string Action, string? From, string? To, string? Details);

internal sealed record WaitingReason(string Kind, string Detail, DateTimeOffset Since);

internal sealed record Assignment(string CaseNumber, string Type, string Priority, int Weight, DateTimeOffset AssignedAt, DateTimeOffset? StartedAt);

internal sealed record CaseListPage(IReadOnlyList<CaseListItem> Items, string? Next);

internal sealed record CaseListItem(string Number, string? Type, string Status, string? Priority, string? Department, string? Region,
    string? AssigneeId, string? CustomerId, string? DeviceSerial, string Subject, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? Sla);

/// <summary>What the console sends to open a case.</summary>
internal sealed record NewCase(string CustomerId, string Type, string Priority, string Channel, string Subject, string Description, string? DeviceSerial);
