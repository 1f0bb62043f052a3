namespace AfterSales.Models;

/// <summary>One shard of a model's device index (key from <see cref="Domain.Models.ModelDeviceShards.Key"/>): the
/// serials of the model's devices whose serial hashes to it, recorded by the devices as they are registered and
/// decommissioned, and the rollout of the model's plan changes to them.</summary>
[Alias("AfterSales.IModelDevicesGrain")]
internal interface IModelDevicesGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="serial"/> (idempotent); durable when it returns. Answers the plans version the
    /// shard was last told, so a device registered from an older copy of its model catches up. Concurrent calls share
    /// one write.</summary>
    [AlwaysInterleave, Alias("Add")]
    Task<int> AddAsync(string serial);

    /// <summary>Forgets <paramref name="serial"/> (idempotent); durable when it returns.</summary>
    [AlwaysInterleave, Alias("Remove")]
    Task RemoveAsync(string serial);

    /// <summary>The model's plans are at <paramref name="plansVersion"/>: the shard records it durably (with a reminder
    /// that outlives a silo) and tells each of its devices, a batch at a time, outside this call. An older or repeated
    /// version changes nothing.</summary>
    [AlwaysInterleave, Alias("OnPlansChanged")]
    Task OnPlansChangedAsync(int plansVersion);

    /// <summary>Where the rollout stands.</summary>
    [ReadOnly, AlwaysInterleave, Alias("GetRollout")]
    Task<PlansRollout> GetRolloutAsync();
}

/// <summary>Where a shard's rollout of its model's plans stands.</summary>
/// <param name="Devices">Serials the shard holds.</param>
/// <param name="PlansVersion">The plans version the shard was last told.</param>
/// <param name="FollowedVersion">The last version every device of the shard was told of.</param>
/// <param name="Cursor">The last serial told of <paramref name="PlansVersion"/> while the rollout runs (ordinal order).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.PlansRollout")]
internal sealed record PlansRollout(
    [property: Id(0)] int Devices,
    [property: Id(1)] int PlansVersion,
    [property: Id(2)] int FollowedVersion,
    [property: Id(3)] string? Cursor);
