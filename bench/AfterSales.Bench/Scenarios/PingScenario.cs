using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Scenarios;

/// <summary>The ceiling: <c>GET /ping</c>, plaintext from the same Kestrel and API configuration, so every HTTP
/// result can be quoted as a share of what this box can serve at all with this client.</summary>
internal sealed class PingScenario(IBenchTarget target) : IScenario
{
    public string Name => "ceiling GET /ping";

    public IReadOnlyList<string> Steps { get; } = ["GET /ping"];

    public Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var pong = await steps.TimeAsync(0, () => target.PingAsync(cancellationToken));
        return pong.IsSuccess ? OperationOutcome.Success() : OperationOutcome.Failure(pong.Error!, pong.Detail);
    }

    public Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken) => Task.FromResult(ScenarioFindings.None);
}
