using System.Diagnostics;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;
using AfterSales.Bench.Stats;
using AfterSales.Cases;
using static AfterSales.Bench.Reporting.Text;

namespace AfterSales.Bench.Scenarios;

/// <summary>
/// A state change on a case that holds a long history against the same change on new cases. Setup drives one case to
/// <c>--heavy-events</c> journal events (wait/resume cycles, one event each) and <c>--heavy-notes</c> notes, and opens and
/// starts <c>--fresh-cases</c> new cases. Each operation then toggles the heavy case between in progress and waiting
/// for the customer, and one new case (in turn) the same way, alternating which goes first so drift on the box hits
/// both alike. One operation at a time: a case changes state one change at a time.
/// </summary>
internal sealed class HeavyCaseScenario(IBenchTarget target, Population population, BenchOptions options) : IScenario
{
    /// <summary>How much longer a state change on the heavy case may take than on a new case (p50 and p99).</summary>
    public const double Limit = 1.5;

    /// <summary>Seeding is sequential on one case; past this the run stops rather than take the whole budget.</summary>
    private static readonly TimeSpan SeedLimit = TimeSpan.FromMinutes(5);

    private const string NoteText = "Called the customer back: the unit still trips after ten minutes; parts ordered, visit planned.";

    private string _heavy = "";
    private bool _heavyWaiting;
    private string[] _fresh = [];
    private bool[] _freshWaiting = [];

    public string Name => "heavy-case";

    public IReadOnlyList<string> Steps { get; } = ["heavy case: wait/resume", "new case: wait/resume"];

    public string OperationUnit => "pair of state changes (heavy case, new case)";

    public async Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>(await Seeding.SeedStaffAndCustomersAsync(target, population, cancellationToken));
        var started = Stopwatch.GetTimestamp();
        _heavy = await OpenStartedCaseAsync(-1, cancellationToken);
        lines.Add(await Batch.RunAsync($"notes added to {_heavy}", Enumerable.Range(0, options.HeavyNotes).ToArray(),
            (i, ct) => target.AddNoteAsync(_heavy, $"{NoteText} ({i + 1})", ct), cancellationToken));
        var events = await LastSequenceAsync(_heavy, cancellationToken);
        var changes = 0;
        while (events < options.HeavyEvents)
        {
            if (Stopwatch.GetElapsedTime(started) > SeedLimit)
            {
                throw new BenchException(Invariant($"Setup failed (heavy case): {events:N0} of {options.HeavyEvents:N0} events after {SeedLimit.TotalMinutes:0} min."));
            }
            await ToggleAsync(_heavy, _heavyWaiting, cancellationToken);
            _heavyWaiting = !_heavyWaiting;
            changes++;
            events++;
        }
        events = await LastSequenceAsync(_heavy, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        lines.Add(Invariant($"heavy case {_heavy}: {events:N0} events and {options.HeavyNotes} notes after {changes:N0} wait/resume changes, in {elapsed.TotalSeconds:0.0} s ({changes / Math.Max(elapsed.TotalSeconds, 1e-3):N0} changes/s)"));

        var fresh = new string[options.FreshCases];
        lines.Add(await Batch.RunAsync("new cases opened and started", Enumerable.Range(0, fresh.Length).ToArray(), async (i, ct) =>
        {
            try
            {
                fresh[i] = await OpenStartedCaseAsync(-2 - i, ct);
                return CallResult.Ok;
            }
            catch (BenchException ex)
            {
                return CallResult.Fail("not-started", ex.Message);
            }
        }, cancellationToken));
        (_fresh, _freshWaiting) = (fresh, new bool[fresh.Length]);
        return lines;
    }

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var index = (int)(sequence % _fresh.Length);
        var heavyFirst = sequence % 2 == 0;
        for (var turn = 0; turn < 2; turn++)
        {
            var heavy = heavyFirst == (turn == 0);
            var number = heavy ? _heavy : _fresh[index];
            var waiting = heavy ? _heavyWaiting : _freshWaiting[index];
            var action = waiting ? CaseAction.Resume : CaseAction.Wait;
            var changed = await steps.TimeAsync(heavy ? 0 : 1, () => target.ApplyAsync(number, action, summary: null, cancellationToken));
            // A refusal as a conflict means the case was in the other state already: follow it, but count the failure.
            if (changed.IsSuccess || changed.Error is "409" or "Conflict")
            {
                Flip(heavy, index);
            }
            if (!changed.IsSuccess)
            {
                return OperationOutcome.Failure($"{Steps[heavy ? 0 : 1]}: {changed.Error}", changed.Detail);
            }
        }
        return OperationOutcome.Success();
    }

    public async Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken)
    {
        var events = await LastSequenceAsync(_heavy, cancellationToken);
        var ratio = LatencyRatio.Of(measured.Steps[0], measured.Steps[1], Limit);
        var measuredText = Invariant(
            $"heavy case p50 {Ms(ratio.SubjectP50Ns)} ms, p99 {Ms(ratio.SubjectP99Ns)} ms; new cases p50 {Ms(ratio.BaselineP50Ns)} ms, p99 {Ms(ratio.BaselineP99Ns)} ms — {ratio.P50Ratio:0.00}× (p50), {ratio.P99Ratio:0.00}× (p99); {measured.Steps[0].Count:N0} changes each, {measured.Failed:N0} failed; the heavy case ended with {events:N0} events and {options.HeavyNotes} notes");
        // Only a case of the target's size, driven over HTTP, is checked against the target.
        var targetShape = options.Mode == BenchMode.Http
            && options.HeavyEvents >= TargetCatalogue.HeavyEvents && options.HeavyNotes >= TargetCatalogue.HeavyNotes;
        return new ScenarioFindings(
            [$"state change: {measuredText}"],
            targetShape ? [TargetCatalogue.HeavyCase.Check(measuredText, ratio.Met && measured.Failed == 0 && events >= options.HeavyEvents)] : [])
        {
            Metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["heavy.p50Ratio"] = ratio.P50Ratio,
                ["heavy.p99Ratio"] = ratio.P99Ratio,
                ["heavy.events"] = events,
            },
        };
    }

    private void Flip(bool heavy, int index)
    {
        if (heavy)
        {
            _heavyWaiting = !_heavyWaiting;
        }
        else
        {
            _freshWaiting[index] = !_freshWaiting[index];
        }
    }

    /// <summary>Opens a fault case (assigned, since technicians are on shift) and starts it; its number.</summary>
    private async Task<string> OpenStartedCaseAsync(long sequence, CancellationToken cancellationToken)
    {
        var created = await target.OpenCaseAsync(population.CaseFor(sequence, CaseType.Fault).Request, cancellationToken);
        if (created.Value is not { AssignedTechnicianId: not null } value)
        {
            throw new BenchException($"Setup failed (heavy case): a case was not assigned ({created.Error ?? created.Value?.Status.ToString()}: {created.Detail}).");
        }
        var started = await target.ApplyAsync(value.Number, CaseAction.Start, summary: null, cancellationToken);
        return started.IsSuccess
            ? value.Number
            : throw new BenchException($"Setup failed (heavy case): {value.Number} did not start ({started.Error}: {started.Detail}).");
    }

    private async Task ToggleAsync(string number, bool waiting, CancellationToken cancellationToken)
    {
        var changed = await target.ApplyAsync(number, waiting ? CaseAction.Resume : CaseAction.Wait, summary: null, cancellationToken);
        if (!changed.IsSuccess)
        {
            throw new BenchException($"Setup failed (heavy case): {(waiting ? "resume" : "wait")} on {number} refused ({changed.Error}: {changed.Detail}).");
        }
    }

    private async Task<int> LastSequenceAsync(string number, CancellationToken cancellationToken)
    {
        var last = await target.GetLastEventSequenceAsync(number, cancellationToken);
        return last.IsSuccess ? last.Value : throw new BenchException($"Could not read the history of {number} ({last.Error}: {last.Detail}).");
    }
}
