using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Faults.Auth;
using AfterSales.Faults.Ledger;

namespace AfterSales.Faults.Load;

/// <summary>The load client: sends writes to the API, records every attempt and answer in the ledger, and retries a
/// failed write with the same idempotency key (<see cref="RetryPolicy"/>).</summary>
public sealed class LedgerClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly WriteLedger _ledger;
    private readonly RetryPolicy _policy;

    public LedgerClient(Uri baseAddress, WriteLedger ledger, RetryPolicy? policy = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            // A restarted API is reached on fresh connections soon.
            PooledConnectionLifetime = TimeSpan.FromSeconds(10),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(2),
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan }.SignIn();
        _ledger = ledger;
        _policy = policy ?? RetryPolicy.Default;
    }

    public WriteLedger Ledger => _ledger;

    /// <summary>Registers the population's customers and technicians (each create retried until it is answered 2xx).</summary>
    public async Task SeedAsync(FaultPopulation population, CancellationToken cancellationToken)
    {
        var creates = population.Customers.Select(c => ("/api/customers", c)).Concat(population.Technicians.Select(t => ("/api/technicians", t)));
        await Parallel.ForEachAsync(creates, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (create, ct) =>
            {
                var (path, body) = create;
                for (var attempt = 1; ; attempt++)
                {
                    using var response = await _http.PostAsJsonAsync(path, body, ct);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                    if (attempt == 20 || (int)response.StatusCode is >= 400 and < 500 and not 408 and not 429)
                    {
                        throw new InvalidOperationException($"Seeding {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                    }
                    await Task.Delay(_policy.Backoff, ct);
                }
            });
    }

    /// <summary>Opens a case whose subject is the write's token, under the token as idempotency key.</summary>
    public async Task<LedgerWrite> OpenCaseAsync(string customerId, string type, CancellationToken abort, string priority = "normal")
    {
        var write = _ledger.Begin(WriteKind.OpenCase);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            customerId,
            type,
            priority,
            channel = "phone",
            subject = write.Token,
            description = "Opened by the fault-test load client.",
        });
        await SendAsync(write, () =>
        {
            // A new content per attempt: a request message disposes its content with it.
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var message = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = content };
            message.Headers.Add("Idempotency-Key", write.Token);
            return message;
        }, reply => WriteLedger.Settle(write, WriteOutcome.Acknowledged, (string?)reply?["number"], (string?)reply?["status"],
            (string?)reply?["assignedTechnicianId"]), abort);
        return write;
    }

    /// <summary>Starts work on a case (assigned → inProgress): one more event in its journal.</summary>
    public async Task<LedgerWrite> StartCaseAsync(string caseNumber, CancellationToken abort)
    {
        var write = _ledger.Begin(WriteKind.StartCase, caseNumber);
        await SendAsync(write, () => new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{Uri.EscapeDataString(caseNumber)}/start"),
            _ => WriteLedger.Settle(write, WriteOutcome.Acknowledged), abort);
        return write;
    }

    /// <summary>One GET, timed into <paramref name="tally"/>; true when it answered 2xx.</summary>
    public async Task<bool> ReadAsync(string path, ReadTally tally, CancellationToken abort)
    {
        var started = _ledger.Now;
        var succeeded = false;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
            timeout.CancelAfter(_policy.AttemptTimeout);
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), timeout.Token);
            succeeded = response.IsSuccessStatusCode;
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
        }
        catch (HttpRequestException)
        {
        }
        tally.Add(_ledger.Now - started, succeeded);
        return succeeded;
    }

    /// <summary>A GET answered as status and JSON body (null body when not 2xx or not JSON); null status when no answer.</summary>
    public async Task<(int? Status, JsonNode? Body)> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_policy.AttemptTimeout);
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), timeout.Token);
            var body = response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token)) : null;
            return ((int)response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, null);
        }
    }

    /// <summary>A PUT of a JSON body (no retries); the answer's status.</summary>
    public async Task<int> PutJsonAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync(path, body, cancellationToken);
        return (int)response.StatusCode;
    }

    public void Dispose() => _http.Dispose();

    private async Task SendAsync(LedgerWrite write, Func<HttpRequestMessage> request, Action<JsonNode?> acknowledged, CancellationToken abort)
    {
        var giveUpAt = _ledger.Now + _policy.GiveUpAfter;
        var unanswered = false;
        for (var attempt = 1; ; attempt++)
        {
            var (answer, reply, retryAfter) = await SendOnceAsync(write, attempt, request, abort);
            _ledger.Record(write, answer);
            if (answer.Succeeded)
            {
                acknowledged(reply);
                return;
            }
            if (answer.Status == 409 && write.Kind == WriteKind.StartCase && unanswered)
            {
                // An earlier attempt whose outcome is unknown (no answer, or a 503: the silo died after the case had
                // committed the start) started the case: nobody else moves the load's cases, so the conflict ("already
                // in progress") is that start's acknowledgement. The checker requires its one event.
                acknowledged(null);
                return;
            }
            if (!answer.Failed)
            {
                WriteLedger.Settle(write, WriteOutcome.Refused);
                return;
            }
            unanswered |= answer.Status is null or 503;
            if (_ledger.Now >= giveUpAt)
            {
                WriteLedger.Settle(write, WriteOutcome.Unknown);
                return;
            }
            await Task.Delay(retryAfter is { } pause && pause < TimeSpan.FromSeconds(1) ? pause : _policy.Backoff, abort);
        }
    }

    private async Task<(Attempt Answer, JsonNode? Reply, TimeSpan? RetryAfter)> SendOnceAsync(
        LedgerWrite write, int attempt, Func<HttpRequestMessage> request, CancellationToken abort)
    {
        using var message = request();
        var sent = _ledger.Now;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
            timeout.CancelAfter(_policy.AttemptTimeout);
            using var response = await _http.SendAsync(message, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            var answer = new Attempt(write.Id, write.Kind, attempt, sent, _ledger.Now, status, null, isProblem);
            var reply = answer.Succeeded && text.Length > 0 ? JsonNode.Parse(text) : null;
            return (answer, reply, response.Headers.RetryAfter?.Delta);
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            return (new Attempt(write.Id, write.Kind, attempt, sent, _ledger.Now, null, "timeout", false), null, null);
        }
        catch (HttpRequestException ex)
        {
            var error = ex.HttpRequestError == HttpRequestError.ConnectionError ? "connection" : "reset";
            return (new Attempt(write.Id, write.Kind, attempt, sent, _ledger.Now, null, error, false), null, null);
        }
    }
}
