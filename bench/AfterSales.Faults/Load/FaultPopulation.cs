using System.Globalization;

namespace AfterSales.Faults.Load;

/// <summary>The customers and technicians a fault run seeds: one region, every department staffed by technicians with
/// the largest capacity the API accepts, so opened cases are assigned rather than queued.</summary>
public sealed class FaultPopulation
{
    public const string Region = "east";

    private static readonly string[] Departments = ["customer-service", "technical-support"];

    public FaultPopulation(string runTag, int customers = 16, int techniciansPerDepartment = 4)
    {
        // Phone digits from the tag, so runs against one database do not share numbers.
        var phoneBase = (int)((uint)StringComparer.Ordinal.GetHashCode(runTag) % 90_000) * 1_000;
        CustomerIds = [.. Enumerable.Range(0, customers).Select(i => $"C-{runTag}-{i}")];
        Customers = [.. CustomerIds.Select((id, i) => new
        {
            id,
            name = $"Ledger customer {i}",
            phones = new[] { "+86137" + (phoneBase + i).ToString("D8", CultureInfo.InvariantCulture) },
            emails = new[] { $"c{i}.{runTag}@faults.example.com" },
            region = Region,
            tier = "gold",
            language = "en",
        } as object)];
        Technicians = [.. Departments.SelectMany(d => Enumerable.Range(0, techniciansPerDepartment).Select(i => new
        {
            id = $"T-{runTag}-{d[0]}{i}",
            name = $"Ledger technician {d} {i}",
            department = d,
            region = Region,
            skills = new[] { new { name = "general", level = 3 } },
            capacity = 1000,
            onShift = true,
        } as object))];
    }

    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>Bodies of <c>POST /api/customers</c>.</summary>
    public IReadOnlyList<object> Customers { get; }

    /// <summary>Bodies of <c>POST /api/technicians</c>.</summary>
    public IReadOnlyList<object> Technicians { get; }

    /// <summary>The case type of the n-th open: consultations (customer service) and faults (technical support).</summary>
    public static string CaseType(long n) => n % 2 == 0 ? "consultation" : "fault";
}
