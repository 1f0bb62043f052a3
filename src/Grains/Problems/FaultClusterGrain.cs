using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Problems;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Problems;

/// <summary>
/// Problem detection for one model and fault code. Each fault case with that code tells it, one-way, after its own
/// write. A fault whose serial falls in the range of a problem detection opened is linked to that problem; otherwise it
/// joins the faults that count, and when a range around it holds the threshold within the window a problem case is
/// opened with them as its children.
/// </summary>
/// <remarks>Not reentrant: faults arriving together are taken one at a time, so one cluster opens one problem. The
/// cluster is claimed and the problem's number recorded before its case is opened, so a cut-off open is finished by
/// the next fault rather than repeated. This grain awaits cases (the problem, which awaits its children); no case
/// awaits it.</remarks>
internal sealed class FaultClusterGrain(
    [PersistentState("faultCluster", StorageNames.Main)] IPersistentState<FaultClusterState> state,
    IOptions<ProblemDetectionOptions> options,
    TimeProvider time,
    ILogger<FaultClusterGrain> logger) : Grain, IFaultClusterGrain
{
    /// <summary>Most faults kept (the oldest leave first); far above any sensible threshold.</summary>
    internal const int MaxFaults = 5000;

    /// <summary>Most problems detection links to per code (the oldest is forgotten first).</summary>
    internal const int MaxProblems = 100;

    /// <summary>Who detection acts as in the journals.</summary>
    internal const string Actor = "problem-detection";

    private FaultClusterState S => state.State;

    private ClusterRule Rule => new(options.Value.Window, options.Value.Threshold, options.Value.RangeWidth);

    public async Task OnFaultAsync(FaultReport report)
    {
        var rule = Rule;
        var now = time.GetUtcNow();
        var changed = Prune(rule, now);
        foreach (var pending in S.Problems.Where(p => !p.Opened).ToArray())
        {
            await OpenAsync(pending, report, rule);
        }
        if (S.Faults.ContainsKey(report.CaseNumber) || !rule.InWindow(report.At, now)
            || S.Problems.Any(p => !p.Pending.IsDefaultOrEmpty && p.Pending.Contains(report.CaseNumber)))
        {
            await WriteIfAsync(changed);
            return;
        }
        if (!SerialNumber.TryParse(report.Serial, out var serial))
        {
            // A serial without a trailing number belongs to no range.
            logger.SerialWithoutNumber(report.CaseNumber, report.Model, report.FaultCode);
            await WriteIfAsync(changed);
            return;
        }
        switch (await LinkToOpenProblemAsync(report, serial, rule))
        {
            case Linking.Linked:
                await WriteIfAsync(true);
                return;
            case Linking.Elsewhere:
                await WriteIfAsync(changed);
                return;
        }

        var sighting = new FaultSighting(report.CaseNumber, serial, report.At);
        if (FaultClustering.ClusterOf(Sightings(), sighting, rule, now) is not { } cluster)
        {
            S.Faults.Set(report.CaseNumber, new TrackedFault(report.CaseNumber, report.Serial, report.At));
            Cap();
            await WriteIfAsync(true);
            return;
        }
        var number = await GrainFactory.GetGrain<ICaseNumberGrain>(0).NextAsync();
        foreach (var member in cluster.Faults)
        {
            S.Faults.Remove(member.CaseNumber);
        }
        var problem = new TrackedProblem(number, cluster.Lowest.Text, cluster.Highest.Text, cluster.Count, report.Region, now,
            [.. cluster.Faults.Select(f => f.CaseNumber)]);
        S.Problems.Add(problem);
        if (S.Problems.Count > MaxProblems)
        {
            S.Problems.RemoveAt(0);
        }
        await WriteIfAsync(true);
        logger.ProblemDetected(number, report.Model, report.FaultCode, cluster.Count);
        await OpenAsync(problem, report, rule);
    }

    public Task<FaultClusterSnapshot> GetAsync() => Task.FromResult(new FaultClusterSnapshot(
        [.. S.Faults.Values.OrderBy(f => f.At).ThenBy(f => f.CaseNumber, StringComparer.Ordinal).Select(f => f.CaseNumber)],
        [.. S.Problems.Select(p => new DetectedProblem(p.Number, p.LowestSerial, p.HighestSerial, p.Faults, p.Opened))]));

    private enum Linking
    {
        /// <summary>No open problem took it: it counts towards a cluster.</summary>
        NotLinked,
        /// <summary>An open problem took it.</summary>
        Linked,
        /// <summary>The case is a child of another problem already.</summary>
        Elsewhere,
    }

    /// <summary>Offers the fault to each open problem whose range takes it. A problem that answers without a field has
    /// ended: it is forgotten, and faults in its range make a new cluster.</summary>
    private async Task<Linking> LinkToOpenProblemAsync(FaultReport report, SerialNumber serial, ClusterRule rule)
    {
        foreach (var problem in S.Problems.Where(p => p.Opened && Admits(p, serial, rule)).ToArray())
        {
            var widened = Widen(problem, serial);
            var linked = await Problem(problem.Number).AddChildAsync(
                new AddChildRequest(report.CaseNumber, Actor, Detected: true, Scope: ScopeOf(widened, report, rule)));
            if (linked.IsSuccess)
            {
                if (!linked.Replayed)
                {
                    S.Problems[S.Problems.IndexOf(problem)] = widened;
                }
                return Linking.Linked;
            }
            switch (linked.Error!.Field)
            {
                case null:
                    S.Problems.Remove(problem);
                    logger.ProblemEnded(problem.Number, report.Model, report.FaultCode);
                    break;
                case "caseNumber":
                    return Linking.Elsewhere;
            }
        }
        return Linking.NotLinked;
    }

    /// <summary>Opens the problem's case with the cluster's faults as children; a failure leaves it pending for the
    /// next fault to retry (opening is idempotent).</summary>
    private async Task OpenAsync(TrackedProblem problem, FaultReport report, ClusterRule rule)
    {
        try
        {
            var opened = await Problem(problem.Number).OpenProblemAsync(
                new OpenProblemRequest(ScopeOf(problem, report, rule), problem.Region, problem.Pending, Actor));
            if (opened.Error is { } refused)
            {
                logger.ProblemNotOpened(null, problem.Number, refused.Message);
                S.Problems.Remove(problem);
            }
            else
            {
                S.Problems[S.Problems.IndexOf(problem)] = problem with { Pending = [] };
            }
            await WriteIfAsync(true);
        }
        catch (Exception exception)
        {
            logger.ProblemNotOpened(exception, problem.Number, exception.Message);
        }
    }

    /// <summary>Forgets the faults that left the window; true when any did.</summary>
    private bool Prune(ClusterRule rule, DateTimeOffset now)
    {
        var expired = S.Faults.Values.Where(f => !rule.InWindow(f.At, now)).Select(f => f.CaseNumber).ToArray();
        foreach (var number in expired)
        {
            S.Faults.Remove(number);
        }
        return expired.Length > 0;
    }

    private void Cap()
    {
        foreach (var oldest in S.Faults.Values.OrderBy(f => f.At).Take(S.Faults.Count - MaxFaults).Select(f => f.CaseNumber).ToArray())
        {
            S.Faults.Remove(oldest);
        }
    }

    private IEnumerable<FaultSighting> Sightings()
    {
        foreach (var fault in S.Faults.Values)
        {
            if (SerialNumber.TryParse(fault.Serial, out var serial))
            {
                yield return new FaultSighting(fault.CaseNumber, serial, fault.At);
            }
        }
    }

    // A problem's range is made of serials that were clustered, so they have numbers.
    private static bool Admits(TrackedProblem problem, SerialNumber serial, ClusterRule rule) =>
        FaultClustering.Admits(SerialNumber.Parse(problem.LowestSerial), SerialNumber.Parse(problem.HighestSerial), serial, rule);

    private static TrackedProblem Widen(TrackedProblem problem, SerialNumber serial)
    {
        var (lowest, highest) = (SerialNumber.Parse(problem.LowestSerial), SerialNumber.Parse(problem.HighestSerial));
        return problem with
        {
            LowestSerial = serial.Number < lowest.Number ? serial.Text : problem.LowestSerial,
            HighestSerial = serial.Number > highest.Number ? serial.Text : problem.HighestSerial,
            Faults = problem.Faults + 1,
        };
    }

    private static ProblemScope ScopeOf(TrackedProblem problem, FaultReport report, ClusterRule rule) =>
        new(report.Model, report.FaultCode, problem.LowestSerial, problem.HighestSerial, problem.Faults, rule.Window);

    private async Task WriteIfAsync(bool changed)
    {
        if (changed)
        {
            await state.WriteOrResetAsync(this);
        }
    }

    private ICaseProblemsGrain Problem(string number) => GrainFactory.GetGrain<ICaseProblemsGrain>(number);
}
