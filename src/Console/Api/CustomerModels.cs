namespace AfterSales.Console.Api;

// The members of the API's responses the console shows; System.Text.Json skips the rest.

internal sealed record CustomerLookup(string Phone, IReadOnlyList<Customer> Customers);

internal sealed record Customer(string Id, string Name, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, string Region,
    string Tier, string Language, IReadOnlyList<string> Devices, IReadOnlyList<CaseSummary> RecentCases);

internal sealed record CaseSummary(string Number, string Type, string Priority, string Status, string Subject,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? AssignedTechnicianId)
{
    public bool IsOpen => Status is not ("resolved" or "closed" or "cancelled");
}

internal sealed record Device(string Serial, string Model, string CustomerId, string? Site, string Status, Warranty? Warranty,
    IReadOnlyList<DeviceContract> Contracts, IReadOnlyList<string> OpenCases);

internal sealed record Warranty(DateOnly Start, DateOnly End, string Basis);

internal sealed record DeviceContract(string ContractId, string Tier, string Coverage, DateOnly Start, DateOnly End);
