using System.Net.Http.Json;

namespace AfterSales.Bench.Drivers.Http;

/// <summary>The readings scenario's calls over HTTP: <c>PUT /api/models/{code}</c>, <c>POST /api/devices</c>,
/// <c>POST /api/readings/batch</c>.</summary>
internal sealed partial class HttpTarget
{
    public async Task<CallResult> DefineMeteredModelAsync(string code, CancellationToken cancellationToken)
    {
        var body = new MeteredModelBody($"Metered model {code}", 24,
            [new MeterBody(MeteredModel.Counter, "h", "counter"), new MeterBody(MeteredModel.Gauge, "°C", "gauge")],
            [new ConditionRuleBody("overheat", MeteredModel.Gauge, "mean", MeteredModel.RuleWindow, "above", MeteredModel.RuleThreshold)]);
        var content = JsonContent.Create(body, ApiJsonContext.Default.MeteredModelBody);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/models/{Uri.EscapeDataString(code)}") { Content = content }, cancellationToken);
    }

    public Task<CallResult> RegisterDeviceAsync(string serial, string model, string customerId, CancellationToken cancellationToken) =>
        PostAsync("/api/devices", new DeviceBody(serial, model, customerId, MeteredModel.InstalledOn), ApiJsonContext.Default.DeviceBody, cancellationToken);

    public async Task<CallResult<int>> RecordBatchAsync(IReadOnlyList<ReadingRow> rows, CancellationToken cancellationToken)
    {
        var body = new ReadingsBatchBody([.. rows.Select(r => new ReadingRowBody(r.Serial, r.Meter, r.Value, r.At))]);
        using var message = Post("/api/readings/batch", body, ApiJsonContext.Default.ReadingsBatchBody);
        return await SendAsync(message, static async (content, ct) =>
            await content.ReadFromJsonAsync(ApiJsonContext.Default.ReadingsReply, ct) is { } reply
                ? CallResult<int>.Ok(reply.Applied)
                : CallResult<int>.Fail("bad-response", "empty body"), cancellationToken);
    }
}
