using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Scenarios;

/// <summary>Reads active cases: a set of cases is created first, then each operation reads one of them.</summary>
internal sealed class GetScenario(IBenchTarget target, Population population, int activeCases) : IScenario
{
    private string[] _numbers = [];

    public string Name => "get";

    public IReadOnlyList<string> Steps { get; } = ["get case"];

    public async Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>(await Seeding.SeedStaffAndCustomersAsync(target, population, cancellationToken));
        var numbers = new string[activeCases];
        // Negative sequence numbers keep the seeded cases apart from the measured phase's.
        lines.Add(await Batch.RunAsync("active cases created", Enumerable.Range(0, activeCases).ToArray(), async (i, ct) =>
        {
            var created = await target.OpenCaseAsync(population.CaseFor(-1 - i).Request, ct);
            if (created.Value is { } value)
            {
                numbers[i] = value.Number;
            }
            return new CallResult(created.Error, created.Detail);
        }, cancellationToken));
        _numbers = numbers;
        return lines;
    }

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var number = _numbers[(int)((ulong)(sequence * 7919) % (ulong)_numbers.Length)];
        var read = await steps.TimeAsync(0, () => target.GetCaseAsync(number, cancellationToken));
        return read.IsSuccess ? OperationOutcome.Success() : OperationOutcome.Failure(read.Error!, read.Detail);
    }

    public Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken) => Task.FromResult(ScenarioFindings.None);
}
