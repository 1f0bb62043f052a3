using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AfterSales.Bench.Stats;
using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Bench.Drivers.Http;

/// <summary>Drives the public HTTP API of a running instance (or of one <see cref="ApiProcess"/> it started).</summary>
internal sealed partial class HttpTarget : IBenchTarget, IReadingsTarget
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _client;
    private readonly ApiProcess? _process;
    private readonly bool _idempotencyKeys;

    public HttpTarget(IReadOnlyList<Uri> baseAddresses, int maxConnections, TimeSpan timeout, bool idempotencyKeys, ApiProcess? process)
    {
        if (baseAddresses.FirstOrDefault(a => !Loopback.IsLoopback(a)) is { } remote)
        {
            throw new BenchException($"Refusing to load '{remote}': the bench only targets loopback addresses.");
        }
        var baseAddress = baseAddresses[0];
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _client = new HttpClient(baseAddresses.Count > 1 ? new SpreadHandler(baseAddresses, handler) : handler)
        {
            BaseAddress = baseAddress,
            Timeout = timeout,
        };
        // The processes the bench starts accept its admin token; a running instance takes AFTERSALES_TOKEN.
        global::AfterSales.Faults.Auth.BenchCredentials.SignIn(_client);
        _process = process;
        _idempotencyKeys = idempotencyKeys;
        Description = process is null
            ? $"HTTP {string.Join(", ", baseAddresses)} (running instance{(baseAddresses.Count > 1 ? "s, requests in turn" : "")})"
            : $"HTTP {baseAddress} (self-hosted API; {process.HostingLine() ?? "hosting not logged"})";
    }

    public string Description { get; }

    public bool HasCeiling => true;

    public TimeSpan? ServerProcessorTime => _process?.ProcessorTime;

    public GrainStorageCounts? StorageCounts => null;

    public Task<CallResult> RegisterCustomerAsync(CustomerSeed customer, CancellationToken cancellationToken) =>
        PostAsync("/api/customers", new CustomerBody(
            customer.Id, customer.Name, [customer.Phone], [customer.Email], customer.Region,
            ApiNames.Of(customer.Tier), customer.Language), ApiJsonContext.Default.CustomerBody, cancellationToken);

    public Task<CallResult> RegisterTechnicianAsync(TechnicianSeed technician, CancellationToken cancellationToken) =>
        PostAsync("/api/technicians", new TechnicianBody(
            technician.Id, technician.Name, DepartmentNames.ToSlug(technician.Department), technician.Region,
            [new SkillBody(technician.Skill, technician.SkillLevel)], technician.Capacity, technician.OnShift),
            ApiJsonContext.Default.TechnicianBody, cancellationToken);

    public async Task<CallResult<CreatedCase>> OpenCaseAsync(CaseSeed request, CancellationToken cancellationToken)
    {
        var body = new CaseBody(request.CustomerId, ApiNames.Of(request.Type), ApiNames.Of(request.Priority),
            ApiNames.Of(request.Channel), request.Subject, request.Description);
        using var message = Post("/api/cases", body, ApiJsonContext.Default.CaseBody);
        return await SendAsync(message, ReadCreatedCase, cancellationToken);
    }

    public Task<CallResult> ApplyAsync(string caseNumber, CaseAction action, string? summary, CancellationToken cancellationToken)
    {
        var path = $"/api/cases/{Uri.EscapeDataString(caseNumber)}/{ApiNames.Of(action)}";
        return action == CaseAction.Resolve
            ? PostAsync(path, new ResolveBody(summary ?? "Resolved."), ApiJsonContext.Default.ResolveBody, cancellationToken)
            : SendAsync(new HttpRequestMessage(HttpMethod.Post, path), cancellationToken);
    }

    /// <summary>The data folder of the API the bench started (null for --url).</summary>
    public string? DataDirectory => _process?.DataDirectory;

    /// <summary>A GET of <paramref name="pathAndQuery"/>; success is a 2xx answer.</summary>
    public Task<CallResult> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), cancellationToken);

    public Task<CallResult> GetCaseAsync(string caseNumber, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{Uri.EscapeDataString(caseNumber)}"), cancellationToken);

    public async Task<CallResult<int>> GetTechnicianLoadAsync(string technicianId, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"/api/technicians/{Uri.EscapeDataString(technicianId)}");
        return await SendAsync(message, async (content, ct) =>
        {
            var reply = await content.ReadFromJsonAsync(ApiJsonContext.Default.TechnicianReply, ct);
            return reply is null ? CallResult<int>.Fail("bad-response", "empty technician") : CallResult<int>.Ok(reply.Load);
        }, cancellationToken);
    }

    public async Task<CallResult<TechnicianView?>> GetTechnicianAsync(string technicianId, int? knownVersion, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"/api/technicians/{Uri.EscapeDataString(technicianId)}");
        if (knownVersion is { } version)
        {
            // The technician's ETag is its version: an unchanged technician answers 304 without a body.
            message.Headers.TryAddWithoutValidation("If-None-Match", $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"");
        }
        return await SendAsync(message, static async (content, ct) =>
        {
            var reply = await content.ReadFromJsonAsync(ApiJsonContext.Default.TechnicianAssignmentsReply, ct);
            return reply is null
                ? CallResult<TechnicianView?>.Fail("bad-response", "empty technician")
                : CallResult<TechnicianView?>.Ok(new TechnicianView(reply.Version, reply.Load,
                    [.. (reply.Assignments ?? []).Select(a => a.CaseNumber ?? "")]));
        }, cancellationToken, notModified: static () => CallResult<TechnicianView?>.Ok(null));
    }

    public Task<CallResult> SetShiftAsync(string technicianId, bool onShift, CancellationToken cancellationToken) =>
        PostAsync($"/api/technicians/{Uri.EscapeDataString(technicianId)}/shift", new ShiftBody(onShift), ApiJsonContext.Default.ShiftBody, cancellationToken);

    public Task<CallResult> AddNoteAsync(string caseNumber, string text, CancellationToken cancellationToken) =>
        PostAsync($"/api/cases/{Uri.EscapeDataString(caseNumber)}/notes", new NoteBody(text, "internal"), ApiJsonContext.Default.NoteBody, cancellationToken);

    public async Task<CallResult<int>> GetLastEventSequenceAsync(string caseNumber, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{Uri.EscapeDataString(caseNumber)}/history?limit=1");
        return await SendAsync(message, static async (content, ct) =>
        {
            var reply = await content.ReadFromJsonAsync(ApiJsonContext.Default.HistoryReply, ct);
            return reply is null ? CallResult<int>.Fail("bad-response", "empty history page") : CallResult<int>.Ok(reply.LastSequence);
        }, cancellationToken);
    }

    public Task<CallResult> PingAsync(CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "/ping"), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private Task<CallResult> PostAsync<T>(string path, T body, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(Post(path, body, type), cancellationToken);

    private HttpRequestMessage Post<T>(string path, T body, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, type));
        content.Headers.ContentType = Json;
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (_idempotencyKeys)
        {
            message.Headers.Add("Idempotency-Key", Guid.CreateVersion7().ToString("N"));
        }
        return message;
    }

    /// <summary>Sends and disposes <paramref name="message"/>.</summary>
    private async Task<CallResult> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using (message)
        {
            var result = await SendAsync(message, static (_, _) => Task.FromResult(CallResult<bool>.Ok(true)), cancellationToken);
            return new CallResult(result.Error, result.Detail);
        }
    }

    /// <param name="notModified">The answer to a 304; without it a 304 is a failure like any other status.</param>
    private async Task<CallResult<T>> SendAsync<T>(
        HttpRequestMessage message, Func<HttpContent, CancellationToken, Task<CallResult<T>>> read, CancellationToken cancellationToken,
        Func<CallResult<T>>? notModified = null)
    {
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified && notModified is not null)
            {
                return notModified();
            }
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return CallResult<T>.Fail(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), Shorten(text));
            }
            return await read(response.Content, cancellationToken);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return CallResult<T>.Fail("timeout", ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return CallResult<T>.Fail("connection", ex.Message);
        }
        catch (JsonException ex)
        {
            return CallResult<T>.Fail("bad-response", ex.Message);
        }
    }

    private static async Task<CallResult<CreatedCase>> ReadCreatedCase(HttpContent content, CancellationToken cancellationToken)
    {
        var reply = await content.ReadFromJsonAsync(ApiJsonContext.Default.CaseReply, cancellationToken);
        if (reply?.Number is null || !Enum.TryParse<CaseStatus>(reply.Status, ignoreCase: true, out var status))
        {
            return CallResult<CreatedCase>.Fail("bad-response", "case reply without number or status");
        }
        return CallResult<CreatedCase>.Ok(new CreatedCase(reply.Number, status, reply.AssignedTechnicianId));
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
