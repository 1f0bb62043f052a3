using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Scenarios;

/// <summary>Creates cases of every type for customers in every region (technicians are seeded so cases are
/// routed, not piled up in one queue).</summary>
internal sealed class IntakeScenario(IBenchTarget target, Population population) : IScenario
{
    public string Name => "intake";

    public IReadOnlyList<string> Steps { get; } = ["create case"];

    public string OperationUnit => "created case";

    public Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken) =>
        Seeding.SeedStaffAndCustomersAsync(target, population, cancellationToken);

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var planned = population.CaseFor(sequence);
        var created = await steps.TimeAsync(0, () => target.OpenCaseAsync(planned.Request, cancellationToken));
        return created.Value is { } value
            ? OperationOutcome.Success(value.Status.ToString().ToLowerInvariant())
            : OperationOutcome.Failure(created.Error!, created.Detail);
    }

    public Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken) => Task.FromResult(ScenarioFindings.None);
}
