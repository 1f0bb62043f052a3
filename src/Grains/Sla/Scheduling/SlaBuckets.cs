using AfterSales.Domain.Routing;
using AfterSales.Maintenance.Scheduling;

namespace AfterSales.Sla.Scheduling;

/// <summary>Where an SLA instant is kept: the slot of its time and the shard of its case, named as one bucket key
/// (the same slot arithmetic and key form as the maintenance scheduler, e.g. <c>20270301T140000Z/5</c>).</summary>
internal static class SlaBuckets
{
    public static string KeyOf(SlaInstant due, TimeSpan slotLength, int shards) =>
        MaintenanceBuckets.Key(MaintenanceBuckets.SlotStart(due.FireAt, slotLength), ShardKeys.ShardOf(due.CaseNumber, shards));

    public static DateTimeOffset SlotOf(string bucketKey) => MaintenanceBuckets.SlotOf(bucketKey);
}
