using AfterSales.Api.Complaints;
using AfterSales.Api.Hosting;
using AfterSales.Cases;
using AfterSales.Customers;

namespace AfterSales.Api.Customers;

/// <summary>A customer: profile, devices owned and the most recent cases.</summary>
/// <param name="Version">Increases with every change.</param>
public sealed record CustomerResponse(
    string Id,
    string Name,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    string Region,
    CustomerTier Tier,
    string Language,
    IReadOnlyList<string> Devices,
    IReadOnlyList<CaseSummaryResponse> RecentCases,
    DateTimeOffset CreatedAt,
    int Version)
{
    internal static CustomerResponse From(CustomerSnapshot customer) => new(
        customer.Id, customer.Name, customer.Phones.OrEmpty(), customer.Emails.OrEmpty(), customer.Region, customer.Tier,
        customer.Language, customer.Devices.OrEmpty(), [.. customer.RecentCases.OrEmpty().Select(CaseSummaryResponse.From)],
        customer.CreatedAt, customer.Version) { ErasedAt = customer.ErasedAt };

    /// <summary>When the customer's personal data was erased (GDPR: name, phones and e-mails are then empty); null while
    /// it is held.</summary>
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>The customer's complaints not closed yet, newest first; shown by <c>GET /api/customers/{id}</c> only (null
    /// elsewhere).</summary>
    public IReadOnlyList<ComplaintEntryResponse>? OpenComplaints { get; init; }
}

/// <summary>One line of a customer's recent cases.</summary>
public sealed record CaseSummaryResponse(
    string Number,
    CaseType Type,
    CasePriority Priority,
    CaseStatus Status,
    string Subject,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? AssignedTechnicianId)
{
    internal static CaseSummaryResponse From(CaseSummary summary) => new(
        summary.Number, summary.Type, summary.Priority, summary.Status, summary.Subject, summary.CreatedAt,
        summary.UpdatedAt, summary.AssignedTechnicianId);
}

/// <summary>The customers listing a phone number.</summary>
/// <param name="Phone">The number looked up, in E.164.</param>
public sealed record CustomerLookupResponse(string Phone, IReadOnlyList<CustomerResponse> Customers);
