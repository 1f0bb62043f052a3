using AfterSales.Bench.Load;

namespace AfterSales.Bench.Scenarios;

/// <summary>A workload: what is seeded before the load, what one operation does, and what is checked after.</summary>
internal interface IScenario
{
    /// <summary>Short name used in reports (<c>intake</c>, <c>routing</c>, …).</summary>
    string Name { get; }

    /// <summary>Names of the requests one operation makes, in order (each gets its own latency histogram).</summary>
    IReadOnlyList<string> Steps { get; }

    /// <summary>Operations (warm-up included) after which the results stop meaning what they should, e.g. routing
    /// once the roster is full; null when unbounded.</summary>
    long? OperationBudget => null;

    /// <summary>Seeds what the operations need; reports progress as lines.</summary>
    Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken);

    /// <summary>One operation; <paramref name="sequence"/> is unique in the run.</summary>
    Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken);

    /// <summary>Checks after the measured phase (e.g. fairness of the assignments).</summary>
    Task<ScenarioFindings> SummarizeAsync(CancellationToken cancellationToken);
}
