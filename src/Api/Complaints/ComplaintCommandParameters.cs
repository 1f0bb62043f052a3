using AfterSales.Api.Http;
using AfterSales.Complaints;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Complaints;

/// <summary>What every command on an existing complaint binds besides its body: the id, the version the client read
/// (<c>If-Match</c>) and who acts (<c>X-Actor</c>).</summary>
/// <param name="Id">The complaint id, e.g. <c>CMP-2026-000123</c>.</param>
/// <param name="IfMatch">The complaint's ETag as last read, or a list of entity tags; when none of them is current the change is refused with 412. Absent or <c>*</c>: no check.</param>
/// <param name="Actor">Who acts, recorded in the history (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, <c>@</c>; max 64). Default <c>api</c>. A reviewer must not be who submitted the findings.</param>
internal sealed record ComplaintCommandParameters(
    string Id,
    [property: FromHeader(Name = ApiHeaders.IfMatch)] string? IfMatch,
    [property: FromHeader(Name = ApiHeaders.Actor)] string? Actor,
    IGrainFactory Grains,
    HttpResponse Response)
{
    public IComplaintGrain Grain => Grains.GetGrain<IComplaintGrain>(Id);

    /// <summary>The version the complaint must be at for the command to apply (see <see cref="IfMatchCondition"/>).</summary>
    public Task<int?> ExpectedVersionAsync(IfMatchCondition condition) =>
        condition.ExpectedVersionAsync(async () => (await Grain.GetAsync())?.Version);
}
