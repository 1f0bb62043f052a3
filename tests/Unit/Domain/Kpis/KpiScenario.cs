using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Domain.CaseList;

namespace AfterSales.Tests.Unit.Domain.Kpis;

/// <summary>A known week of case events (Monday 2 March 2026 to Monday 9 March, UTC), folded into case-list rows by
/// the list's own reducer; KpiFiguresTests states the figures they must give.</summary>
internal static class KpiScenario
{
    public static readonly DateTimeOffset From = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = From.AddDays(7);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    public static IReadOnlyList<CaseListRow> Rows() =>
    [
        // Responded in an hour, fixed by one visit, resolved after 28 h, a 5/10 survey.
        Case("AS-A", "urgent", "east", "tech-1", At(2, 8),
            (At(2, 9), "start", "inProgress", null),
            (At(3, 10), CaseEventKinds.VisitRecorded, null, "visit 1 by tech-1: fixed, 90 min on site, 0 parts"),
            (At(3, 12), "resolve", "resolved", "Replaced the seal."),
            (At(4, 9), CaseEventKinds.SurveyAnswered, null, "resolution: survey 0190, score 5, nps 10")),
        // First response breached, two visits, resolved, reopened, resolved again after 72 h, a complaint, a 2/6 survey.
        Case("AS-B", "urgent", "east", "tech-2", At(2, 10),
            (At(2, 11), CaseEventKinds.SlaBreached, null, "firstResponse due 2026-03-02T11:00:00.0000000+00:00"),
            (At(2, 12), "start", "inProgress", null),
            (At(3, 9), CaseEventKinds.VisitRecorded, null, "visit 1 by tech-2: followUpNeeded, 60 min on site, 1 part"),
            (At(4, 9), CaseEventKinds.VisitRecorded, null, "visit 2 by tech-2: fixed, 30 min on site, 0 parts"),
            (At(4, 10), "resolve", "resolved", "Fixed."),
            (At(5, 9), "reopen", "inProgress", "Leaks again."),
            (At(5, 10), "resolve", "resolved", "Fixed for good."),
            (At(5, 11), CaseEventKinds.ComplaintFiled, null, "complaint CP-1"),
            (At(5, 12), CaseEventKinds.SurveyAnswered, null, "resolution: survey 0191, score 2, nps 6")),
        // Answered by a customer note, resolution breached, open at the period's end (2 days 16 hours old).
        Case("AS-C", "high", "west", "tech-1", At(6, 8),
            (At(6, 8, 30), CaseEventKinds.Note, null, "customer note 1"),
            (At(6, 9), CaseEventKinds.SlaBreached, null, "nextUpdate due 2026-03-06T09:00:00Z"),
            (At(8, 8), CaseEventKinds.SlaBreached, null, "resolution due 2026-03-08T08:00:00Z")),
        // Opened before the period and still new at its end (17 days old).
        Case("AS-D", "normal", "east", null, new DateTimeOffset(2026, 2, 20, 8, 0, 0, TimeSpan.Zero)),
        // Opened and cancelled in the period: created, never in the backlog.
        Case("AS-E", "low", "east", null, At(7, 8), (At(7, 9), "cancel", "cancelled", "Duplicate.")),
    ];

    private static CaseListRow Case(string number, string priority, string region, string? assignee, DateTimeOffset opened,
        params (DateTimeOffset At, string Kind, string? To, string? Details)[] events)
    {
        var status = "new";
        DateTimeOffset? resolvedAt = null;
        CaseFacts Facts() => new("fault", priority, "web", status, "C-1", null, "Pump", null, "technical-support", region, assignee, opened, resolvedAt);
        var row = CaseListReducer.Apply(null, number, 1, opened, CaseEventKinds.Opened,
            new CaseEventPayload(null, "new", null, Facts()).Serialize());
        var sequence = 1;
        foreach (var e in events)
        {
            status = e.To ?? status;
            resolvedAt = e.Kind == "resolve" ? e.At : e.Kind == "reopen" ? null : resolvedAt;
            row = CaseListReducer.Apply(row, number, ++sequence, e.At, e.Kind, new CaseEventPayload(null, e.To, e.Details, Facts()).Serialize());
        }
        return row;
    }
}
