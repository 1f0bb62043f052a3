using System.Collections.Immutable;
using AfterSales.Devices;
using AfterSales.Installation;
using AfterSales.Models;

namespace AfterSales.Domain.Installation;

/// <summary>What a checklist's answers add up to: progress, the required items still missing, the outcome, and the
/// report's checks, measurements and deviations.</summary>
internal static class CommissioningRules
{
    /// <summary>The required items without an answer, in checklist order.</summary>
    public static ImmutableArray<string> MissingRequired(IEnumerable<ChecklistItemTemplate> items, IReadOnlyDictionary<string, ChecklistAnswer> answers) =>
        [.. items.Where(item => item.Required && !answers.ContainsKey(item.Id)).Select(item => item.Id)];

    /// <summary>Pass when every answered item passed (so also when none was answered), else fail.</summary>
    public static CommissioningVerdict Verdict(IEnumerable<ChecklistAnswer> answers) =>
        answers.All(answer => answer.Passed) ? CommissioningVerdict.Pass : CommissioningVerdict.Fail;

    public static ChecklistProgress Progress(IReadOnlyCollection<ChecklistItemTemplate> items, IReadOnlyDictionary<string, ChecklistAnswer> answers)
    {
        var answered = items.Select(item => answers.GetValueOrDefault(item.Id)).OfType<ChecklistAnswer>().ToList();
        return new ChecklistProgress(
            items.Count,
            answered.Count,
            items.Count(item => item.Required),
            items.Count(item => item.Required && answers.ContainsKey(item.Id)),
            answered.Count(answer => answer.Passed),
            answered.Count(answer => !answer.Passed));
    }

    /// <summary>The report's three lists, in checklist order: every check, every measurement (unanswered optional items
    /// with no result), and every failed item as a deviation.</summary>
    public static (ImmutableArray<ReportCheck> Checks, ImmutableArray<ReportMeasurement> Measurements, ImmutableArray<ReportDeviation> Deviations) Contents(
        IEnumerable<ChecklistItemTemplate> items, IReadOnlyDictionary<string, ChecklistAnswer> answers)
    {
        var checks = ImmutableArray.CreateBuilder<ReportCheck>();
        var measurements = ImmutableArray.CreateBuilder<ReportMeasurement>();
        var deviations = ImmutableArray.CreateBuilder<ReportDeviation>();
        foreach (var item in items)
        {
            var answer = answers.GetValueOrDefault(item.Id);
            var photos = answer?.Photos.IsDefault == false ? answer.Photos : [];
            if (item.Kind == ChecklistItemKind.Measurement)
            {
                measurements.Add(new ReportMeasurement(item.Id, item.Text, item.Required, answer?.Value, item.Unit ?? "", item.Min, item.Max,
                    answer?.Passed, answer?.Note, photos));
            }
            else
            {
                checks.Add(new ReportCheck(item.Id, item.Text, item.Required, answer?.Passed, answer?.Note, photos));
            }
            if (answer is { Passed: false })
            {
                var finding = answer.Value is { } value
                    ? $"{ExpectedRanges.Measured(value, answer.Unit)}, expected {ExpectedRanges.Describe(item)}"
                    : "check failed";
                deviations.Add(new ReportDeviation(item.Id, item.Text, finding, answer.Note));
            }
        }
        return (checks.ToImmutable(), measurements.ToImmutable(), deviations.ToImmutable());
    }

    /// <summary>The measured values of a passed commissioning, which become the device's baseline.</summary>
    public static ImmutableArray<BaselineValue> Baseline(IEnumerable<ChecklistItemTemplate> items, IReadOnlyDictionary<string, ChecklistAnswer> answers) =>
        [.. items.Where(item => item.Kind == ChecklistItemKind.Measurement)
            .Select(item => answers.GetValueOrDefault(item.Id))
            .OfType<ChecklistAnswer>()
            .Where(answer => answer.Value is not null)
            .Select(answer => new BaselineValue(answer.ItemId, answer.Value!.Value, answer.Unit ?? ""))];
}
