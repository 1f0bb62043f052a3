using AfterSales.Api.Http;
using AfterSales.Cases;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Cases;

/// <summary>What every command on an existing case binds besides its body: the case number, the version the
/// client read (<c>If-Match</c>) and who acts (<c>X-Actor</c>).</summary>
/// <param name="Number">The case number, e.g. <c>AS-2026-000123</c>.</param>
/// <param name="IfMatch">The case's ETag as last read, or a list of entity tags; when none of them is current the change is refused with 412. Absent or <c>*</c>: no check.</param>
/// <param name="Actor">Who acts, recorded in the history (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, <c>@</c>; max 64). Default <c>api</c>.</param>
internal sealed record CaseCommandParameters(
    string Number,
    [property: FromHeader(Name = ApiHeaders.IfMatch)] string? IfMatch,
    [property: FromHeader(Name = ApiHeaders.Actor)] string? Actor,
    IGrainFactory Grains,
    HttpResponse Response)
{
    /// <summary>The version the case must be at for the command to apply (see <see cref="IfMatchCondition"/>).</summary>
    public Task<int?> ExpectedVersionAsync(IfMatchCondition condition) =>
        condition.ExpectedVersionAsync(async () => (await Grains.GetGrain<ICaseGrain>(Number).GetAsync())?.Version);
}
