using AfterSales.Api.Http;
using AfterSales.Common;
using AfterSales.Routing;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Routing;

/// <summary>What every change of the routing policy binds besides its route and body.</summary>
/// <param name="IfMatch">The policy's ETag as last read, or a list of entity tags; when none of them is current the change is refused with 412. Absent or <c>*</c>: no check.</param>
internal sealed record PolicyCommandParameters(
    [property: FromHeader(Name = ApiHeaders.IfMatch)] string? IfMatch,
    IGrainFactory Grains,
    HttpResponse Response)
{
    public IRoutingPolicyGrain Policy => Grains.GetGrain<IRoutingPolicyGrain>(GrainKeys.RoutingPolicy);

    /// <summary>The version the policy must be at for the change to apply (see <see cref="IfMatchCondition"/>).</summary>
    public Task<int?> ExpectedVersionAsync(IfMatchCondition condition) =>
        condition.ExpectedVersionAsync(async () => (await Policy.GetAsync()).Version);
}
