using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Common;
using AfterSales.Domain.Maintenance;
using AfterSales.Domain.Readings;
using AfterSales.Maintenance;
using AfterSales.Models;
using AfterSales.Readings;

namespace AfterSales.Devices;

/// <summary>The device's meters: readings checked all-or-none against the model's meters, applied in memory and made
/// durable in the device's one write per call (a batch's readings for one device cost one write), usage thresholds
/// and condition rules evaluated as they arrive.</summary>
internal sealed partial class DeviceGrain
{
    /// <summary>How long after a condition raised its maintenance is still on time.</summary>
    internal static readonly TimeSpan ConditionDueWindow = TimeSpan.FromDays(3);

    public async Task<Result<ReadingsOutcome>> RecordReadingsAsync(ImmutableArray<MeterReading> readings)
    {
        if (Precheck(null) is { } refused)
        {
            return refused;
        }
        if (S.Status == DeviceStatus.Decommissioned)
        {
            return CommandError.Conflict($"Device {Serial} is decommissioned and takes no readings.");
        }
        var model = await models.GetAsync(S.Model);
        var meters = model?.Meters ?? [];
        var verdicts = new ReadingVerdict[readings.Length];
        var rejections = Check(readings, meters, verdicts);
        if (!rejections.IsEmpty)
        {
            return Result.Ok(new ReadingsOutcome(0, 0, rejections, []));
        }

        var applied = 0;
        for (var i = 0; i < readings.Length; i++)
        {
            if (verdicts[i] == ReadingVerdict.Apply)
            {
                Apply(model!, Find(meters, readings[i].Meter)!, readings[i]);
                applied++;
            }
        }
        if (applied > 0)
        {
            S.ReadingsApplied += applied;
            await CommitAsync();
        }
        var workOrders = await OpenPendingWorkOrdersAsync();
        return Result.Ok(new ReadingsOutcome(applied, readings.Length - applied, [], workOrders));
    }

    /// <summary>Checks every reading against the meter as it would stand after the readings before it in the same call.</summary>
    private ImmutableArray<ReadingRejection> Check(ImmutableArray<MeterReading> readings, ImmutableArray<MeterDefinition> meters, ReadingVerdict[] verdicts)
    {
        var rejections = ImmutableArray.CreateBuilder<ReadingRejection>();
        Dictionary<string, MeterSample>? ahead = null;
        for (var i = 0; i < readings.Length; i++)
        {
            var reading = readings[i];
            if (reading is null || Find(meters, reading.Meter) is not { } meter)
            {
                rejections.Add(new(i, "meter", ErrorKind.Unprocessable, meters.IsEmpty
                    ? $"Model {S.Model} defines no meters."
                    : $"Model {S.Model} has no meter '{reading?.Meter}'; its meters are {string.Join(", ", meters.Select(m => m.Name))}."));
                continue;
            }
            if (!double.IsFinite(reading.Value) || Math.Abs(reading.Value) > MeterRules.MaxMagnitude)
            {
                rejections.Add(new(i, "value", ErrorKind.Validation, FormattableString.Invariant($"A reading's value is a number between -{MeterRules.MaxMagnitude:0} and {MeterRules.MaxMagnitude:0}.")));
                continue;
            }
            MeterSample? last = ahead is not null && ahead.TryGetValue(meter.Name, out var pending) ? pending
                : S.Meters.TryGetValue(meter.Name, out var held) ? held.Last : null;
            var verdict = verdicts[i] = MeterRules.Check(meter.Kind, last, reading);
            if (verdict is ReadingVerdict.Backwards or ReadingVerdict.Negative)
            {
                rejections.Add(new(i, "value", ErrorKind.Unprocessable, MeterRules.Explain(verdict, meter.Name, last, reading)));
            }
            else if (verdict == ReadingVerdict.Apply)
            {
                (ahead ??= new(StringComparer.Ordinal))[meter.Name] = new MeterSample(reading.At, reading.Value);
            }
        }
        return rejections.ToImmutable();
    }

    private void Apply(ProductModel model, MeterDefinition meter, MeterReading reading)
    {
        var known = S.Meters.TryGetValue(meter.Name, out var state);
        state ??= S.Meters[meter.Name] = new MeterState();
        MeterSample? last = known ? state.Last : null;
        var before = state.Total;
        state.Total = meter.Kind == MeterKind.Counter ? before + MeterRules.Usage(meter.Kind, last, reading) : reading.Value;
        state.Value = reading.Value;
        state.At = reading.At;
        if (reading.Reset && known)
        {
            state.Resets++;
            Record(reading.At, SystemActor, DeviceEventKinds.MeterReset, null, null, string.Create(CultureInfo.InvariantCulture,
                $"{meter.Name} reset: {last!.Value.Value} → {reading.Value} {meter.Unit}, total {state.Total} {meter.Unit}"));
        }
        var window = WindowOf(model, meter.Name);
        if (window > 0)
        {
            state.Recent.Add(new MeterSample(reading.At, reading.Value));
            if (state.Recent.Count > window)
            {
                state.Recent.RemoveRange(0, state.Recent.Count - window);
            }
            Evaluate(model, meter, state, reading.At);
        }
        if (meter.Kind == MeterKind.Counter)
        {
            CheckUsage(model, meter, before, state.Total, reading.At);
        }
    }

    private void Evaluate(ProductModel model, MeterDefinition meter, MeterState state, DateTimeOffset at)
    {
        foreach (var rule in model.ConditionRules)
        {
            if (!string.Equals(rule.Meter, meter.Name, StringComparison.Ordinal))
            {
                continue;
            }
            var statistic = ConditionStatistics.Compute(rule.Statistic, rule.Window, state.Recent);
            bool? holds = statistic is { } value ? ConditionStatistics.Holds(rule.Comparison, value, rule.Threshold) : null;
            var held = S.Conditions.GetValueOrDefault(rule.Id);
            var step = ConditionStep.Next(held?.Streak ?? 0, held?.Since is not null, holds, rule.Sustained);
            if (held is null && step.Streak == 0)
            {
                continue;
            }
            held ??= S.Conditions[rule.Id] = new ConditionState();
            held.Streak = step.Streak;
            if (step.Raise)
            {
                held.Since = at;
                held.WorkOrder = null;
                var evidence = ConditionEvidence.Of(rule, meter.Unit, statistic!.Value, state.Recent);
                Record(at, SystemActor, DeviceEventKinds.ConditionRaised, null, null, evidence);
                S.PendingTriggers.Add(PendingTrigger.Of(new MaintenanceTrigger(MaintenanceTriggerKind.Condition, rule.Id,
                    at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), evidence,
                    new DueWindow(at, at + ConditionDueWindow))));
            }
            else if (step.Clear)
            {
                Record(at, SystemActor, DeviceEventKinds.ConditionCleared, null, null,
                    $"rule {rule.Id} no longer holds" + (held.WorkOrder is { } order ? $"; its episode opened work order {order}" : ""));
                S.Conditions.Remove(rule.Id);
            }
        }
    }

    /// <summary>A usage-based plan in force (the model's or the device's own) whose meter crossed its next threshold
    /// becomes a pending trigger, recorded with the readings.</summary>
    private void CheckUsage(ProductModel model, MeterDefinition meter, double before, double after, DateTimeOffset at)
    {
        foreach (var (plan, _) in PlansInForce(model).Values)
        {
            if (!string.Equals(plan.Meter, meter.Name, StringComparison.Ordinal)
                || UsageThresholds.Trigger(plan, (decimal)before, (decimal)after, at, Calendar) is not { } trigger)
            {
                continue;
            }
            Record(at, SystemActor, DeviceEventKinds.UsageThresholdCrossed, null, null, $"plan {plan.Id}: {trigger.Evidence}");
            S.PendingTriggers.Add(PendingTrigger.Of(trigger));
        }
    }

    /// <summary>Opens the work order of every pending trigger, oldest first. A trigger is durable before this runs, so
    /// a failure leaves it pending for the next readings (the open is idempotent per source and period).</summary>
    private async Task<ImmutableArray<string>> OpenPendingWorkOrdersAsync()
    {
        if (S.PendingTriggers.Count == 0)
        {
            return [];
        }
        var opened = ImmutableArray.CreateBuilder<string>();
        var removed = false;
        foreach (var pending in S.PendingTriggers.ToList())
        {
            string? number;
            try
            {
                number = await OpenMaintenanceOrderAsync(pending.ToTrigger());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.TriggerNotOpened(exception, Serial, pending.SourceId, pending.Period);
                break;
            }
            S.PendingTriggers.Remove(pending);
            removed = true;
            if (number is not null)
            {
                opened.Add(number);
                if (pending.Kind == MaintenanceTriggerKind.Condition && S.Conditions.TryGetValue(pending.SourceId, out var episode))
                {
                    episode.WorkOrder = number;
                }
            }
        }
        if (removed)
        {
            await CommitAsync();
        }
        return opened.ToImmutable();
    }

    /// <summary>How many recent values of <paramref name="meter"/> its condition rules read (0: none kept).</summary>
    private static int WindowOf(ProductModel model, string meter)
    {
        var window = 0;
        foreach (var rule in model.ConditionRules)
        {
            if (string.Equals(rule.Meter, meter, StringComparison.Ordinal))
            {
                window = Math.Max(window, rule.Window);
            }
        }
        return window;
    }

    private static MeterDefinition? Find(ImmutableArray<MeterDefinition> meters, string? name)
    {
        foreach (var meter in meters)
        {
            if (string.Equals(meter.Name, name, StringComparison.Ordinal))
            {
                return meter;
            }
        }
        return null;
    }

    private ImmutableArray<MeterValue> MeterValues() =>
        [.. S.Meters.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new MeterValue(m.Key, m.Value.Value, m.Value.Total, m.Value.At, m.Value.Resets))];

    private ImmutableArray<ConditionEpisode> Episodes() =>
        [.. S.Conditions.Where(c => c.Value.Since is not null).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ConditionEpisode(c.Key, c.Value.Since!.Value, c.Value.WorkOrder))];
}
