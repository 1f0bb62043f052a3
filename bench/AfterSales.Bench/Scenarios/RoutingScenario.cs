using System.Collections.Concurrent;
using System.Globalization;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Reporting;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Scenarios;

/// <summary>Creates a case and checks it came back assigned: the latency is create + routing decision. With
/// <c>decisionsOnly</c> (in-process) the ticket goes straight to the department-region grain, so only the decision
/// (department → technician → reply) is measured. Afterwards every technician's load is read back for fairness.
/// With <c>releaseAssigned</c> each assigned case is released at its technician right after (a second step), so
/// technicians stay lightly loaded as real ones do; fairness is then not judged (every load ends near zero).</summary>
/// <param name="overHttp">Names the fairness target measured: over HTTP or in-process.</param>
internal sealed class RoutingScenario(
    IBenchTarget target, Population population, bool decisionsOnly, bool releaseAssigned = false, bool overHttp = false) : IScenario
{
    public const double FairnessTolerance = 0.10;

    /// <summary>Routing stops before any pool is fuller than this: a full roster queues cases, and fairness
    /// measured on technicians who are all at capacity says nothing about the routing.</summary>
    public const double MaxFill = 0.9;

    /// <summary>The smallest pool mean load (units) fairness is judged at. A case weighs up to 3 units, and customer
    /// affinity gives about a quarter of the cases to the customer's previous technician whatever its load, so a
    /// correct least-loaded router still leaves technicians a few cases apart: about 15 % of a 30-unit mean, 8 % of
    /// 60, 5 % of 100 (bench/RESULTS.md, "Fairness over HTTP"). From 100 units on, a miss means the routing.</summary>
    public const double MinMeanLoad = 100;

    private readonly IDecisionTarget? _decisions = decisionsOnly
        ? target as IDecisionTarget ?? throw new BenchException("Decision-only routing needs the in-process mode.")
        : null;

    // Customer → the technician its last case went to, to see how often affinity could have decided.
    private readonly ConcurrentDictionary<string, string> _lastTechnicianOf = new(StringComparer.Ordinal);
    private long _assigned;
    private long _repeatCustomers;
    private long _sameTechnician;

    public string Name => !decisionsOnly ? "routing" : releaseAssigned ? "routing (decisions only, each released)" : "routing (decisions only)";

    public IReadOnlyList<string> Steps { get; } = releaseAssigned ? ["submit ticket", "release"] : [decisionsOnly ? "submit ticket" : "create case"];

    public string OperationUnit => decisionsOnly ? "decision" : "created case";

    // Released cases free their units, so nothing fills up and the duration alone ends the run.
    public long? OperationBudget { get; } = releaseAssigned ? null : population.CaseCapacity(MaxFill);

    public async Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>(await Seeding.SeedStaffAndCustomersAsync(target, population, cancellationToken));
        lines.Add(OperationBudget is { } budget
            ? string.Create(CultureInfo.InvariantCulture,
                $"stops after {budget:N0} cases in all, warm-up included ({MaxFill:P0} of the fullest pool's capacity for this case mix)")
            : "each assigned case is released at its technician right after the decision (a second step); the duration ends the run");
        return lines;
    }

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var planned = population.CaseFor(sequence);
        string? technician;
        if (_decisions is not null)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"BENCH-{population.RunTag}-{sequence}");
            var decided = await steps.TimeAsync(0, () => _decisions.SubmitTicketAsync(number, planned.Request, planned.Region, cancellationToken));
            if (!decided.IsSuccess)
            {
                return OperationOutcome.Failure(decided.Error!, decided.Detail);
            }
            technician = decided.Value;
            if (releaseAssigned && technician is not null)
            {
                var released = await steps.TimeAsync(1, () => _decisions.ReleaseAsync(technician, number, cancellationToken));
                if (!released.IsSuccess)
                {
                    return OperationOutcome.Failure(released.Error!, released.Detail);
                }
            }
        }
        else
        {
            var created = await steps.TimeAsync(0, () => target.OpenCaseAsync(planned.Request, cancellationToken));
            if (created.Value is not { } value)
            {
                return OperationOutcome.Failure(created.Error!, created.Detail);
            }
            technician = value.AssignedTechnicianId;
            ObserveCustomer(planned.Request.CustomerId, technician);
        }
        return OperationOutcome.Success(technician is null ? "queued" : "assigned");
    }

    public async Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken)
    {
        if (releaseAssigned)
        {
            return new ScenarioFindings(["fairness not judged: every case was released right after its decision"], []);
        }
        var loads = new ConcurrentBag<TechnicianLoad>();
        var line = await Batch.RunAsync("technician loads read back", population.Technicians, async (technician, ct) =>
        {
            var load = await target.GetTechnicianLoadAsync(technician.Id, ct);
            if (load.IsSuccess)
            {
                loads.Add(new TechnicianLoad(technician.Id, $"{technician.Department}/{technician.Region}", load.Value));
            }
            return new CallResult(load.Error, load.Detail);
        }, cancellationToken);
        var fairness = FairnessReport.Compute(loads, FairnessTolerance, MinMeanLoad);
        var measuredText = string.Create(CultureInfo.InvariantCulture,
            $"max deviation {fairness.MaxDeviation:P1} from the pool mean over {fairness.Technicians:N0} technicians in {fairness.Pools} pools; loads {fairness.MinLoad}–{fairness.MaxLoad} (mean {fairness.MeanLoad:0.0}, smallest pool mean {fairness.MinPoolMean:0.0}); {fairness.Outside} outside ±{FairnessTolerance:P0}");
        List<string> lines = [line, $"fairness: {measuredText}"];
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["fairness.maxDeviation"] = fairness.MaxDeviation,
            ["fairness.minPoolMean"] = fairness.MinPoolMean,
            ["fairness.meanLoad"] = fairness.MeanLoad,
        };
        if (Interlocked.Read(ref _assigned) is > 0 and var assigned)
        {
            var same = Interlocked.Read(ref _sameTechnician) / (double)assigned;
            var repeats = Interlocked.Read(ref _repeatCustomers) / (double)assigned;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"customer affinity: {same:P1} of the assigned cases went to the technician of their customer's previous case ({repeats:P1} had one); affinity prefers that technician whenever it is eligible, whatever its load"));
            metrics["fairness.sameTechnicianShare"] = same;
        }
        List<TargetCheck> checks = [];
        if (fairness.Judged)
        {
            checks.Add((overHttp ? TargetCatalogue.FairnessHttp : TargetCatalogue.FairnessInProc).Check(measuredText, fairness.Met));
        }
        else
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"fairness not judged: the smallest pool mean is {fairness.MinPoolMean:0.0} units, below the {MinMeanLoad:0} a verdict needs (run longer, or with fewer technicians)"));
        }
        return new ScenarioFindings(lines, checks) { Metrics = metrics };
    }

    private void ObserveCustomer(string customerId, string? technician)
    {
        if (technician is null)
        {
            return;
        }
        Interlocked.Increment(ref _assigned);
        var previous = _lastTechnicianOf.GetValueOrDefault(customerId);
        _lastTechnicianOf[customerId] = technician;
        if (previous is null)
        {
            return;
        }
        Interlocked.Increment(ref _repeatCustomers);
        if (previous == technician)
        {
            Interlocked.Increment(ref _sameTechnician);
        }
    }
}
