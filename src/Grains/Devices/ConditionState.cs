namespace AfterSales.Devices;

/// <summary>A condition rule's progress on a device: how long it has held, and the episode it is in.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ConditionState")]
internal sealed class ConditionState
{
    [Id(0)] public int Streak { get; set; }
    /// <summary>When the current episode began; null outside an episode.</summary>
    [Id(1)] public DateTimeOffset? Since { get; set; }
    /// <summary>The work order the current episode opened, once opened.</summary>
    [Id(2)] public string? WorkOrder { get; set; }
}
