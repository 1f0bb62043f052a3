using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Api.Idempotency;

/// <summary>Where the id of a resource to create comes from: <see cref="New"/> without an idempotency key, and
/// <see cref="Claim"/> with one — the claim binds a new id only on the key's first use, so a replay never takes one.</summary>
internal sealed record ResourceIdSource(
    Func<Task<string>> New,
    Func<IIdempotencyGrain, string, Task<IdempotencyClaim>> Claim)
{
    /// <summary>An id chosen before the claim: the client's, or a minted GUID (costs nothing when a replay drops it).</summary>
    public static ResourceIdSource Proposed(string id) =>
        new(() => Task.FromResult(id), (key, requestHash) => key.ClaimAsync(requestHash, id));

    /// <summary>A case number, taken by the claim itself on the key's first use.</summary>
    public static ResourceIdSource CaseNumber(IGrainFactory grains) =>
        new(() => grains.GetGrain<ICaseNumberGrain>(0).NextAsync(), (key, requestHash) => key.ClaimCaseNumberAsync(requestHash));

    /// <summary>A complaint id, taken by the claim itself on the key's first use.</summary>
    public static ResourceIdSource ComplaintNumber(IGrainFactory grains) =>
        new(() => grains.GetGrain<AfterSales.Complaints.IComplaintNumberGrain>(0).NextAsync(), (key, requestHash) => key.ClaimComplaintNumberAsync(requestHash));
}
