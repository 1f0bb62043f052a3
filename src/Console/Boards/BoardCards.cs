using AfterSales.Console.Api;

namespace AfterSales.Console.Boards;

/// <summary>The cards of the board's reassignment area, from the department's board and its open cases.</summary>
internal static class BoardCards
{
    /// <summary>A card per queued case, in the queue zone, and per open case held by a technician of the roster, in that
    /// technician's zone; the status of each is the open-case row's (the same the board's table shows). A queued case that
    /// a fresher row shows assigned goes to its technician.</summary>
    public static List<BoardCase> Build(DepartmentBoard board, IReadOnlyList<CaseListItem> open)
    {
        var roster = board.Roster.Select(t => t.TechnicianId).ToHashSet(StringComparer.Ordinal);
        var byNumber = open.ToDictionary(c => c.Number, StringComparer.Ordinal);
        var result = new List<BoardCase>();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in board.Queue)
        {
            var row = byNumber.GetValueOrDefault(q.CaseNumber);
            if (row?.AssigneeId is null)
            {
                queued.Add(q.CaseNumber);
                result.Add(new BoardCase(q.CaseNumber, row?.Subject ?? "", row?.Status ?? "new", q.Priority, BoardCase.QueueZone));
            }
        }
        foreach (var c in open.Where(c => !queued.Contains(c.Number)))
        {
            var zone = c.AssigneeId ?? BoardCase.QueueZone;
            if (zone == BoardCase.QueueZone || roster.Contains(zone))
            {
                result.Add(new BoardCase(c.Number, c.Subject, c.Status, c.Priority, zone));
            }
        }
        return result;
    }
}
