using AfterSales.Cases;
using AfterSales.Domain.Routing;
using AfterSales.Reliability;

namespace AfterSales.Domain.Reliability;

/// <summary>
/// The definitions of docs/RELIABILITY.md as arithmetic. Every fact contributes totals; a fact that replaces another
/// takes the old contribution away and adds the new one, so a repeated fact changes nothing and the figures of a model
/// are the sums of its devices' facts, read without visiting any device.
/// </summary>
internal static class ReliabilityMath
{
    private const double SecondsPerHour = 3600;

    /// <summary>The shard of a model's figures a device's facts go to.</summary>
    public static int ShardOf(string serial) => ShardKeys.ShardOf(serial, ReliabilityKeys.Shards);

    /// <summary>What one case contributes: a cancelled case nothing; a fault case a failure, and once resolved (or closed
    /// after resolving) a repair lasting open → resolved with its time on site; a case with visits a visited case, a
    /// first-time fix when its one and only visit fixed it, and its visits and follow-ups.</summary>
    public static ReliabilityTotals Of(CaseWorkFact fact)
    {
        if (fact.Status == CaseStatus.Cancelled)
        {
            return ReliabilityTotals.Zero;
        }
        var failure = fact.Type == CaseType.Fault;
        var repaired = failure && fact.ResolvedAt is not null && fact.Status is CaseStatus.Resolved or CaseStatus.Closed;
        return new ReliabilityTotals(
            Failures: failure ? 1 : 0,
            Repairs: repaired ? 1 : 0,
            RepairSeconds: repaired ? Seconds(fact.ResolvedAt!.Value - fact.OpenedAt) : 0,
            RepairMinutesOnSite: repaired ? fact.MinutesOnSite : 0,
            CasesVisited: fact.Visits > 0 ? 1 : 0,
            FirstTimeFixes: fact.Visits == 1 && fact.FirstVisitOutcome == VisitOutcome.Fixed ? 1 : 0,
            Visits: fact.Visits,
            FollowUps: fact.FollowUps);
    }

    /// <summary>What one device's time in service contributes: in service, one device and its start (its time grows with
    /// the clock); retired, one retired device and its fixed time in service.</summary>
    public static ReliabilityTotals Of(DeviceServiceFact fact) => fact.OutOfServiceAt is { } end
        ? new ReliabilityTotals(DevicesRetired: 1, RetiredServiceSeconds: Seconds(end - fact.InServiceFrom))
        : new ReliabilityTotals(DevicesInService: 1, InServiceStartSeconds: fact.InServiceFrom.ToUnixTimeSeconds());

    /// <summary>When a device entered service: the moment commissioning was accepted, or 00:00 UTC of the day it was
    /// accepted (a device registered as installed); null before.</summary>
    public static DateTimeOffset? InServiceFrom(DateTimeOffset? commissionedAt, DateOnly? acceptedOn) =>
        commissionedAt ?? (acceptedOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);

    public static ReliabilityTotals Plus(this ReliabilityTotals a, ReliabilityTotals b) => Combine(a, b, 1);

    public static ReliabilityTotals Minus(this ReliabilityTotals a, ReliabilityTotals b) => Combine(a, b, -1);

    /// <summary>Replaces a held fact's contribution (none when <paramref name="held"/> is null) by a new one's.</summary>
    public static ReliabilityTotals Replace(this ReliabilityTotals totals, ReliabilityTotals? held, ReliabilityTotals now) =>
        (held is null ? totals : totals.Minus(held)).Plus(now);

    /// <summary>The figures the totals give at <paramref name="at"/>: operating hours = time in service of the devices
    /// up to <paramref name="at"/> (never negative); MTBF = operating hours / failures; MTTR = mean open → resolved of
    /// the repairs; mean time on site per repair; first-time-fix rate = first-time fixes / visited cases. Hours are
    /// rounded to 0.01, minutes to 0.1, the rate to 0.0001.</summary>
    public static ReliabilityFigures Figures(ReliabilityTotals t, DateTimeOffset at)
    {
        var operatingSeconds = Math.Max(0,
            (t.DevicesInService * at.ToUnixTimeSeconds()) - t.InServiceStartSeconds + t.RetiredServiceSeconds);
        var operatingHours = operatingSeconds / SecondsPerHour;
        return new ReliabilityFigures(
            at,
            t.DevicesInService + t.DevicesRetired,
            Round(operatingHours, 2),
            t.Failures,
            t.Repairs,
            t.Failures > 0 ? Round(operatingHours / t.Failures, 2) : null,
            t.Repairs > 0 ? Round(t.RepairSeconds / SecondsPerHour / t.Repairs, 2) : null,
            t.Repairs > 0 ? Round((double)t.RepairMinutesOnSite / t.Repairs, 1) : null,
            t.CasesVisited,
            t.FirstTimeFixes,
            t.CasesVisited > 0 ? Round((double)t.FirstTimeFixes / t.CasesVisited, 4) : null,
            t.Visits,
            t.FollowUps);
    }

    private static long Seconds(TimeSpan span) => Math.Max(0, (long)span.TotalSeconds);

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    private static ReliabilityTotals Combine(ReliabilityTotals a, ReliabilityTotals b, int sign) => new(
        a.DevicesInService + (sign * b.DevicesInService),
        a.InServiceStartSeconds + (sign * b.InServiceStartSeconds),
        a.DevicesRetired + (sign * b.DevicesRetired),
        a.RetiredServiceSeconds + (sign * b.RetiredServiceSeconds),
        a.Failures + (sign * b.Failures),
        a.Repairs + (sign * b.Repairs),
        a.RepairSeconds + (sign * b.RepairSeconds),
        a.RepairMinutesOnSite + (sign * b.RepairMinutesOnSite),
        a.CasesVisited + (sign * b.CasesVisited),
        a.FirstTimeFixes + (sign * b.FirstTimeFixes),
        a.Visits + (sign * b.Visits),
        a.FollowUps + (sign * b.FollowUps));
}
