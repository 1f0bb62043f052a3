using AfterSales.Persistence;

namespace AfterSales.Models;

/// <summary>Durable state of <see cref="ModelDevicesGrain"/>: the shard's serials, one row each (a registration writes
/// one row, not the shard), and the progress of the plans rollout.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ModelDevicesState")]
internal sealed class ModelDevicesState : IRowBackedState
{
    /// <summary>The plans version last told (the rollout's target).</summary>
    [Id(0)] public int PlansVersion { get; set; }

    /// <summary>The last version every device was told of; behind <see cref="PlansVersion"/> while a rollout runs.</summary>
    [Id(1)] public int FollowedVersion { get; set; }

    /// <summary>The last serial told of <see cref="PlansVersion"/> (ordinal order): where a rollout resumes.</summary>
    [Id(2)] public string? Cursor { get; set; }

    /// <summary>The model's devices of this shard by serial (rows).</summary>
    [field: NonSerialized]
    public StateRows<IndexedDevice> Devices { get; } = new("device");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Devices];

    EventJournal? IRowBackedState.Journal => null;
}

/// <summary>A device in its model's index.</summary>
/// <param name="Since">When it was recorded.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.IndexedDevice")]
internal sealed record IndexedDevice([property: Id(0)] DateTimeOffset Since);
