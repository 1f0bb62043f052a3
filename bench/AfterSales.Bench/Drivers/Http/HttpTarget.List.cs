using System.Net.Http.Json;

namespace AfterSales.Bench.Drivers.Http;

/// <summary>The feed-lag scenario's reads of the case list over HTTP: <c>GET /api/cases</c>.</summary>
internal sealed partial class HttpTarget : IListTarget
{
    public async Task<CallResult<ListProgress>> GetListProgressAsync(CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/api/cases?limit=1");
        return await SendAsync(message, static async (content, ct) =>
            await content.ReadFromJsonAsync(ApiJsonContext.Default.CaseListReply, ct) is { Progress: { } progress }
                ? CallResult<ListProgress>.Ok(new ListProgress(progress.Position, progress.Head))
                : CallResult<ListProgress>.Fail("bad-response", "no progress in the list page"), cancellationToken);
    }

    public async Task<CallResult<bool>> IsListedAsync(string text, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"/api/cases?limit=1&text={Uri.EscapeDataString(text)}");
        return await SendAsync(message, static async (content, ct) =>
            await content.ReadFromJsonAsync(ApiJsonContext.Default.CaseListReply, ct) is { Items: { } items }
                ? CallResult<bool>.Ok(items.Count > 0)
                : CallResult<bool>.Fail("bad-response", "no items in the list page"), cancellationToken);
    }
}
