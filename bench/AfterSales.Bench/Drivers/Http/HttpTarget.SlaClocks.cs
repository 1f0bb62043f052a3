using System.Globalization;
using System.Net.Http.Json;

namespace AfterSales.Bench.Drivers.Http;

/// <summary>The sla-clocks scenario's calls over HTTP: <c>PUT /api/sla/policy</c>, <c>GET /api/cases/{number}/history</c>.</summary>
internal sealed partial class HttpTarget : ISlaClockTarget
{
    public long? ServerWorkingSet => _process?.WorkingSet;

    public Task<CallResult> ReplaceSlaPolicyAsync(TimeSpan firstResponse, int warningPercent, CancellationToken cancellationToken)
    {
        static SlaTargetBody Calendar(TimeSpan duration) => new(duration.ToString("c", CultureInfo.InvariantCulture), "calendar");
        var rule = new SlaRuleBody("bench-all", Calendar(firstResponse), Calendar(2 * firstResponse), Calendar(3 * firstResponse));
        var content = JsonContent.Create(new SlaPolicyBody(warningPercent, [rule]), ApiJsonContext.Default.SlaPolicyBody);
        return SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/sla/policy") { Content = content }, cancellationToken);
    }

    public async Task<CallResult<IReadOnlyList<SlaEvent>>> GetSlaEventsAsync(string caseNumber, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{Uri.EscapeDataString(caseNumber)}/history?limit=100");
        return await SendAsync(message, static async (content, ct) =>
        {
            var page = await content.ReadFromJsonAsync(ApiJsonContext.Default.HistoryPageReply, ct);
            IReadOnlyList<SlaEvent> events = [.. (page?.Events ?? [])
                .Where(e => e.Action is "slaWarning" or "slaBreached")
                .Select(e => new SlaEvent(e.Action!, e.At, e.Details ?? ""))];
            return CallResult<IReadOnlyList<SlaEvent>>.Ok(events);
        }, cancellationToken);
    }
}
