using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Stats;
using AfterSales.Cases;

namespace AfterSales.Bench.Scenarios;

/// <summary>A case's whole life: create → start → resolve → close (resolving frees the technician's capacity).</summary>
internal sealed class LifecycleScenario(IBenchTarget target, Population population) : IScenario
{
    public string Name => "lifecycle";

    public IReadOnlyList<string> Steps { get; } = ["create case", "start", "resolve", "close"];

    public string OperationUnit => "case created, started, resolved and closed";

    public Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken) =>
        Seeding.SeedStaffAndCustomersAsync(target, population, cancellationToken);

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var planned = population.CaseFor(sequence);
        var created = await steps.TimeAsync(0, () => target.OpenCaseAsync(planned.Request, cancellationToken));
        if (created.Value is not { } value)
        {
            return OperationOutcome.Failure(created.Error!, created.Detail);
        }
        if (value.AssignedTechnicianId is null)
        {
            return OperationOutcome.Failure("not-assigned", $"case {value.Number} was queued ({value.Status}); it cannot be started");
        }
        CaseAction[] actions = [CaseAction.Start, CaseAction.Resolve, CaseAction.Close];
        for (var i = 0; i < actions.Length; i++)
        {
            var action = actions[i];
            var applied = await steps.TimeAsync(i + 1, () => target.ApplyAsync(value.Number, action, "Replaced the power supply board.", cancellationToken));
            if (!applied.IsSuccess)
            {
                return OperationOutcome.Failure($"{Steps[i + 1]}: {applied.Error}", applied.Detail);
            }
        }
        return OperationOutcome.Success();
    }

    public Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken) => Task.FromResult(ScenarioFindings.None);
}
