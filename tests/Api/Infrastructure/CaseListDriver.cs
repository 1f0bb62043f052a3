using System.Net;
using AfterSales.Api.CaseList;
using AfterSales.Api.Cases;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>Opens cases with chosen text and reads the case list once it has caught up.</summary>
public sealed class CaseListDriver(ApiDriver api)
{
    public async Task<CaseResponse> OpenAsync(string customerId, string subject, string description = "No details given.", string priority = "normal", string type = "fault")
    {
        using var response = await api.PostAsync("/api/cases", new { customerId, type, priority, channel = "web", subject, description });
        return await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.Created);
    }

    public async Task<CaseListResponse> ListAsync(string query)
    {
        using var response = await api.Client.GetAsync("/api/cases?" + query);
        return await ApiDriver.ReadAsync<CaseListResponse>(response, HttpStatusCode.OK);
    }

    /// <summary>The barrier: waits until the list reports every journal event up to the head it reports now as
    /// applied (it follows the events asynchronously, within the bound of docs/CASE-LIST.md).</summary>
    public async Task SettledAsync()
    {
        var head = (await ListAsync("limit=1")).Progress.Head;
        await ApiDriver.EventuallyAsync(async () => (await ListAsync("limit=1")).Progress.Position >= head, $"the case list to reach position {head}");
    }

    /// <summary>The numbers of the cases a query lists (first page).</summary>
    public async Task<string[]> NumbersAsync(string query) => [.. (await ListAsync(query)).Items.Select(i => i.Number)];
}
