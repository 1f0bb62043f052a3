using AfterSales.Bench.Drivers;

namespace AfterSales.Bench.Scenarios;

/// <summary>The seeding every scenario shares: technicians first (so the first cases find someone), then customers.</summary>
internal static class Seeding
{
    public static async Task<IReadOnlyList<string>> SeedStaffAndCustomersAsync(
        IBenchTarget target, Population population, CancellationToken cancellationToken)
    {
        var technicians = await Batch.RunAsync("technicians seeded", population.Technicians, target.RegisterTechnicianAsync, cancellationToken);
        var customers = await Batch.RunAsync("customers seeded", population.Customers, target.RegisterCustomerAsync, cancellationToken);
        return [technicians, customers];
    }
}
