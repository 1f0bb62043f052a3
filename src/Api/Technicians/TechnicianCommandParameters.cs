using AfterSales.Api.Http;
using AfterSales.Technicians;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Technicians;

/// <summary>What every change of an existing technician binds besides its body.</summary>
/// <param name="Id">The technician id.</param>
/// <param name="IfMatch">The technician's ETag as last read, or a list of entity tags; when none of them is current the change is refused with 412. Absent or <c>*</c>: no check.</param>
internal sealed record TechnicianCommandParameters(
    string Id,
    [property: FromHeader(Name = ApiHeaders.IfMatch)] string? IfMatch,
    IGrainFactory Grains,
    HttpResponse Response)
{
    /// <summary>The version the technician must be at for the change to apply (see <see cref="IfMatchCondition"/>).</summary>
    public Task<int?> ExpectedVersionAsync(IfMatchCondition condition) =>
        condition.ExpectedVersionAsync(async () => (await Grains.GetGrain<ITechnicianGrain>(Id).GetAsync())?.Version);
}
