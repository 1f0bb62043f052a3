using AfterSales.Bench.Load;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Scenarios;

/// <summary>A workload: what is seeded before the load, what one operation does, and what is checked after.</summary>
internal interface IScenario
{
    /// <summary>Short name used in reports (<c>intake</c>, <c>routing</c>, …).</summary>
    string Name { get; }

    /// <summary>Names of the requests one operation makes, in order (each gets its own latency histogram).</summary>
    IReadOnlyList<string> Steps { get; }

    /// <summary>What one operation is, for "per …" figures (e.g. <c>created case</c>).</summary>
    string OperationUnit => "operation";

    /// <summary>Operations (warm-up included) after which the results stop meaning what they should, e.g. routing
    /// once the roster is full; null when unbounded.</summary>
    long? OperationBudget => null;

    /// <summary>Operations of the measured phase after which it has measured what it should (e.g. the peak's queue
    /// target); null when the duration alone ends it.</summary>
    long? MeasuredBudget => null;

    /// <summary>What <see cref="SummarizeAsync"/> measures beyond checks, for the progress output; null when nothing.</summary>
    string? FollowUp => null;

    /// <summary>Seeds what the operations need; reports progress as lines.</summary>
    Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken);

    /// <summary>Called once between the warm-up and the measured phase.</summary>
    void OnMeasuring()
    {
    }

    /// <summary>One operation; <paramref name="sequence"/> is unique in the run.</summary>
    Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken);

    /// <summary>Checks after the measured phase (e.g. fairness of the assignments), given what it measured.</summary>
    Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken);
}
