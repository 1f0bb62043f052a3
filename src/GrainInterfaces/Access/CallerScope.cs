using System.Collections.Immutable;

namespace AfterSales.Access;

/// <summary>What the API knows of the caller, passed to the grains that hold customer data so they check it again:
/// a bug in one endpoint then cannot hand another customer's data out.</summary>
/// <param name="Kind">A person or an API key.</param>
/// <param name="Subject">The token's <c>sub</c>, or the API key's id.</param>
/// <param name="Role">The person's role; <see cref="CallerRole.None"/> for API keys.</param>
/// <param name="CustomerId">The customer a <see cref="CallerRole.Customer"/> is; null otherwise.</param>
/// <param name="TechnicianId">The technician a person is (technicians, and agents who take cases); null otherwise.</param>
/// <param name="Departments">The department slugs (<c>customer-service</c>, …) an agent or supervisor works in.</param>
/// <param name="Regions">The regions an agent or supervisor works in.</param>
/// <param name="Scopes">An API key's scopes (<c>cti</c>, <c>intake</c>, <c>webhooks</c>, <c>readings</c>).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CallerScope")]
public sealed record CallerScope(
    [property: Id(0)] CallerKind Kind,
    [property: Id(1)] string Subject,
    [property: Id(2)] CallerRole Role,
    [property: Id(3)] string? CustomerId,
    [property: Id(4)] string? TechnicianId,
    [property: Id(5)] ImmutableArray<string> Departments,
    [property: Id(6)] ImmutableArray<string> Regions,
    [property: Id(7)] ImmutableArray<string> Scopes)
{
    /// <summary>The platform itself (reminders, timers, internal flows): sees everything. Never built from a request.</summary>
    public static CallerScope System { get; } = new(CallerKind.User, "system", CallerRole.Admin, null, null, [], [], []);
}
