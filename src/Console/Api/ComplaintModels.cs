namespace AfterSales.Console.Api;

/// <summary>One complaint of a technician's list (<c>GET /api/technicians/{id}/complaints</c>).</summary>
internal sealed record ComplaintEntry(string Id, string Status, string Severity, string Category, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt);

/// <summary>A technician's complaint list; the board keeps the ones awaiting review.</summary>
internal sealed record ComplaintList(IReadOnlyList<ComplaintEntry> Complaints);

/// <summary>A complaint awaiting review on the board, with the technician it names.</summary>
internal sealed record ComplaintForReview(string TechnicianId, ComplaintEntry Complaint);
