using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AfterSales.Console.Session;

namespace AfterSales.Console.Api;

/// <summary>The public HTTP API as the console uses it, with the signed-in user's bearer token on every call.</summary>
internal sealed class ConsoleApi(HttpClient http, ConsoleSession session)
{
    public HttpClient Http => http;

    public Task<ApiResult<CustomerLookup>> LookupAsync(string phone) =>
        GetAsync<CustomerLookup>($"api/customers/lookup?phone={Uri.EscapeDataString(phone)}");

    public Task<ApiResult<Customer>> GetCustomerAsync(string id) => GetAsync<Customer>($"api/customers/{Uri.EscapeDataString(id)}");

    public Task<ApiResult<Device>> GetDeviceAsync(string serial) => GetAsync<Device>($"api/devices/{Uri.EscapeDataString(serial)}");

    public Task<ApiResult<CaseDetail>> GetCaseAsync(string number) => GetAsync<CaseDetail>($"api/cases/{Uri.EscapeDataString(number)}");

    public Task<ApiResult<CaseHistory>> GetHistoryAsync(string number) =>
        GetAsync<CaseHistory>($"api/cases/{Uri.EscapeDataString(number)}/history?limit=100");

    public Task<ApiResult<DepartmentBoard>> GetDepartmentAsync(string department, string region) =>
        GetAsync<DepartmentBoard>($"api/departments/{department}/{region}");

    public Task<ApiResult<IReadOnlyList<Assignment>>> GetAssignmentsAsync(string technicianId) =>
        GetAsync<IReadOnlyList<Assignment>>($"api/technicians/{Uri.EscapeDataString(technicianId)}/assignments");

    public Task<ApiResult<CaseListPage>> ListCasesAsync(string query) => GetAsync<CaseListPage>($"api/cases?{query}");

    public Task<ApiResult<Kpis>> GetKpisAsync(string query) => GetAsync<Kpis>($"api/kpis?{query}");

    public Task<ApiResult<SurveyPage>> GetSurveyAsync(string token) => GetAsync<SurveyPage>($"api/surveys/{Uri.EscapeDataString(token)}");

    public Task<ApiResult<SurveyPage>> AnswerSurveyAsync(string token, int score, int nps, string? comment) =>
        SendAsync<SurveyPage>(HttpMethod.Post, $"api/surveys/{Uri.EscapeDataString(token)}", new { score, nps, comment });

    public Task<ApiResult<SurveyResults>> GetSurveyResultsAsync(string query) => GetAsync<SurveyResults>($"api/surveys/results?{query}");

    public Task<ApiResult<CaseRouting>> GetRoutingAsync(string number) =>
        GetAsync<CaseRouting>($"api/cases/{Uri.EscapeDataString(number)}/routing");

    public Task<ApiResult<ComplaintList>> GetOpenComplaintsAsync(string technicianId) =>
        GetAsync<ComplaintList>($"api/technicians/{Uri.EscapeDataString(technicianId)}/complaints?status=open");

    /// <summary>A supervisor's reassignment (<c>POST /api/cases/{number}/assign</c>) with its reason; the idempotency key
    /// makes a retried click safe.</summary>
    public Task<ApiResult<CaseDetail>> AssignAsync(string number, string technicianId, string reason) =>
        SendAsync<CaseDetail>(HttpMethod.Post, $"api/cases/{Uri.EscapeDataString(number)}/assign", new { technicianId, reason },
            idempotencyKey: Guid.NewGuid().ToString("N"));

    /// <summary>A supervisor's review of a complaint's findings: <c>approve</c> or <c>sendBack</c> (a reason required), as the
    /// signed-in person (X-Actor), who must not be who submitted the findings.</summary>
    public Task<ApiResult<ComplaintEntry>> ReviewComplaintAsync(string id, string action, string? reason) =>
        SendAsync<ComplaintEntry>(HttpMethod.Post, $"api/complaints/{Uri.EscapeDataString(id)}/{action}", new { reason }, actor: session.User?.Subject);

    /// <summary>Asks the department to review its queue now (<c>POST /api/departments/{department}/{region}/review</c>).</summary>
    public Task<ApiResult<QueueReview>> ReviewQueueAsync(string department, string region) =>
        SendAsync<QueueReview>(HttpMethod.Post, $"api/departments/{department}/{region}/review", new { });

    public Task<ApiResult<CaseDetail>> CreateCaseAsync(NewCase request) =>
        SendAsync<CaseDetail>(HttpMethod.Post, "api/cases", request, idempotencyKey: Guid.NewGuid().ToString("N"));

    public Task<ApiResult<CaseDetail>> AddNoteAsync(string number, string text, string visibility) =>
        SendAsync<CaseDetail>(HttpMethod.Post, $"api/cases/{Uri.EscapeDataString(number)}/notes", new { text, visibility });

    /// <summary>A lifecycle action (start, wait, resume, resolve, close, reopen, cancel), escalate or transfer, guarded
    /// by the version the page shows so a change made meanwhile answers 412 instead of being overwritten.</summary>
    public Task<ApiResult<CaseDetail>> ActAsync(string number, string action, object body, long version) =>
        SendAsync<CaseDetail>(HttpMethod.Post, $"api/cases/{Uri.EscapeDataString(number)}/{action}", body, ifMatch: $"\"{version}\"");

    /// <summary>The case list as CSV (<c>GET /api/cases/export.csv</c>), fetched with the token; null when refused.</summary>
    public Task<string?> ExportCsvAsync(string query) => GetTextAsync($"api/cases/export.csv?{query}");

    public Task<ApiResult<Checklist>> GetChecklistAsync(string number) => GetAsync<Checklist>($"{CasePath(number)}/checklist");

    /// <summary>Answers one checklist item (a check's <c>passed</c>, a measurement's <c>value</c> and <c>unit</c>).</summary>
    public Task<ApiResult<Checklist>> AnswerChecklistItemAsync(string number, string itemId, object answer) =>
        SendAsync<Checklist>(HttpMethod.Put, $"{CasePath(number)}/checklist/{Uri.EscapeDataString(itemId)}", answer);

    /// <summary>Submits the commissioning with the customer's sign-off; the key makes a retry after a lost answer safe.</summary>
    public Task<ApiResult<CommissioningReport>> SubmitCommissioningAsync(string number, string signedBy, DateTimeOffset signedAt) =>
        SendAsync<CommissioningReport>(HttpMethod.Post, $"{CasePath(number)}/commissioning", new { signOff = new { name = signedBy, signedAt } },
            idempotencyKey: Guid.NewGuid().ToString("N"));

    /// <summary>The printable commissioning report (HTML), fetched with the token; null until one is submitted.</summary>
    public Task<string?> GetCommissioningReportPageAsync(string number) => GetTextAsync($"{CasePath(number)}/commissioning-report.html");

    public Task<ApiResult<IReadOnlyList<Visit>>> GetVisitsAsync(string number) => GetAsync<IReadOnlyList<Visit>>($"{CasePath(number)}/visits");

    /// <summary>Records a visit, guarded by the case's version and made retry-safe by an idempotency key.</summary>
    public Task<ApiResult<Visit>> RecordVisitAsync(string number, NewVisit visit, long version) =>
        SendAsync<Visit>(HttpMethod.Post, $"{CasePath(number)}/visits", visit, idempotencyKey: Guid.NewGuid().ToString("N"), ifMatch: $"\"{version}\"");

    public Task<ApiResult<CaseSurveys>> GetCaseSurveysAsync(string number) => GetAsync<CaseSurveys>(CasePath(number));

    private static string CasePath(string number) => $"api/cases/{Uri.EscapeDataString(number)}";

    private async Task<string?> GetTextAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (session.User?.AccessToken is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }

    private async Task<ApiResult<T>> GetAsync<T>(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync<T>(request);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object body, string? idempotencyKey = null, string? ifMatch = null,
        string? actor = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (actor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Actor", actor);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await SendAsync<T>(request);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request)
    {
        if (session.User?.AccessToken is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        try
        {
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(), response.StatusCode, null);
            }
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? await response.Content.ReadFromJsonAsync<Problem>()
                : null;
            return new ApiResult<T>(default, response.StatusCode, problem ?? new Problem(response.ReasonPhrase ?? "Error", null, null));
        }
        catch (HttpRequestException e)
        {
            return new ApiResult<T>(default, HttpStatusCode.ServiceUnavailable, new Problem(e.Message, null, null));
        }
    }
}

/// <summary>An answer of the API: the value, or the RFC 9457 problem it answered with.</summary>
internal sealed record ApiResult<T>(T? Value, HttpStatusCode Status, Problem? Problem)
{
    public bool Ok => Problem is null && Value is not null;
}

/// <summary>An RFC 9457 problem with field-level errors.</summary>
internal sealed record Problem(string? Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    public string Message => Errors is { Count: > 0 }
        ? string.Join(" ", Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))
        : Detail ?? Title ?? "";
}
