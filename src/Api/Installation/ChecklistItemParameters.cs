using AfterSales.Api.Http;
using AfterSales.Installation;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Installation;

/// <summary>What an answer to a checklist item binds besides its body: the work order, the item, the checklist's
/// version as last read (<c>If-Match</c>) and who answers (<c>X-Actor</c>).</summary>
/// <param name="Number">The work order's case number, e.g. <c>AS-2026-000123</c>.</param>
/// <param name="ItemId">The checklist item's id, e.g. <c>supply-voltage</c>.</param>
/// <param name="IfMatch">The checklist's ETag as last read, or a list of entity tags; when none of them is current the answer is refused with 412. Absent or <c>*</c>: no check.</param>
/// <param name="Actor">Who answers, recorded with the answer (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, <c>@</c>; max 64). Default <c>api</c>.</param>
internal sealed record ChecklistItemParameters(
    string Number,
    string ItemId,
    [property: FromHeader(Name = ApiHeaders.IfMatch)] string? IfMatch,
    [property: FromHeader(Name = ApiHeaders.Actor)] string? Actor,
    IGrainFactory Grains,
    HttpResponse Response)
{
    public ICommissioningGrain Commissioning => Grains.GetGrain<ICommissioningGrain>(Number);

    /// <summary>The version the checklist must be at for the answer to apply (see <see cref="IfMatchCondition"/>).</summary>
    public Task<int?> ExpectedVersionAsync(IfMatchCondition condition) =>
        condition.ExpectedVersionAsync(async () => (await Commissioning.GetChecklistAsync()).Value?.Version);
}
