using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AfterSales.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Demo;

/// <summary>
/// Seeds the demo data set once the server listens, through this process's own public HTTP API (the same validation,
/// routing and events as any client's requests, nothing written around them). Runs when the store holds no case, or
/// to finish a seed a stop interrupted; the customer created last marks it complete, so later starts skip it.
/// </summary>
internal sealed class DemoSeeder(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<DemoOptions> demo,
    IOptions<HostingOptions> hosting,
    TimeProvider time,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    /// <summary>Whether this process seeds: the explicit setting, else only in the embedded mode.</summary>
    internal static bool Enabled(DemoOptions demo, HostingOptions hosting) => demo.Seed ?? hosting.Mode == HostingMode.Embedded;

    /// <summary>Completes when a seed that was started has finished (or was skipped): for tests and the console's first page.</summary>
    public Task Completion => _completion.Task;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!Enabled(demo.Value, hosting.Value))
            {
                logger.Skipped("turned off");
                return;
            }
            await StartedAsync(stoppingToken);
            if (LocalAddress() is not { } address)
            {
                logger.Skipped("the server has no HTTP address to call");
                return;
            }
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            await SeedAsync(http, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.Failed(exception);
        }
        finally
        {
            _completion.TrySetResult();
        }
    }

    private async Task SeedAsync(HttpClient http, CancellationToken cancellation)
    {
        await AuthoriseAsync(http, cancellation);
        if (await ExistsAsync(http, $"api/customers/{DemoData.CompletionMarker}", cancellation))
        {
            logger.Skipped("already seeded");
            return;
        }
        if (!await ExistsAsync(http, $"api/customers/{DemoData.Customers[0].Id}", cancellation) && await HasCasesAsync(http, cancellation))
        {
            logger.Skipped("the store already holds cases");
            return;
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var (code, body) in DemoData.Models)
        {
            using var _ = await SendAsync(http, HttpMethod.Put, $"api/models/{code}", body, null, cancellation);
        }
        foreach (var technician in DemoData.Technicians)
        {
            using var _ = await SendAsync(http, HttpMethod.Post, "api/technicians", technician, null, cancellation);
        }
        // The marker customer comes last of all (below), so an interrupted seed runs again on the next start.
        foreach (var (id, body) in DemoData.Customers.Where(c => c.Id != DemoData.CompletionMarker))
        {
            using var _ = await SendAsync(http, HttpMethod.Post, "api/customers", body, $"demo-{id}", cancellation);
        }
        foreach (var device in DemoData.Devices(today))
        {
            using var _ = await SendAsync(http, HttpMethod.Post, "api/devices", device, null, cancellation);
        }
        using (await SendAsync(http, HttpMethod.Post, "api/contracts", DemoData.Contract(today), "demo-contract-1", cancellation))
        {
        }
        var cases = DemoData.Cases(today);
        foreach (var demoCase in cases)
        {
            using var created = await SendAsync(http, HttpMethod.Post, "api/cases", demoCase.Body, demoCase.IdempotencyKey, cancellation);
            if (created is null)
            {
                continue;
            }
            var number = (await created.Content.ReadFromJsonAsync<CaseNumberOnly>(cancellation))!.Number;
            foreach (var action in demoCase.Actions)
            {
                object body = action == "resolve" ? new { summary = "Explained and fixed on the phone." } : new { reason = (string?)null };
                using var _ = await SendAsync(http, HttpMethod.Post, $"api/cases/{number}/{action}", body, null, cancellation);
            }
        }
        var marker = DemoData.Customers.Single(c => c.Id == DemoData.CompletionMarker);
        using (await SendAsync(http, HttpMethod.Post, "api/customers", marker.Body, $"demo-{marker.Id}", cancellation))
        {
        }
        logger.Seeded(DemoData.Customers.Count, DemoData.Technicians.Count, cases.Count);
    }

    /// <summary>With bearer authentication on, a development token for an administrator (embedded mode offers them);
    /// on an open API the endpoint does not exist and the calls go without one.</summary>
    private static async Task AuthoriseAsync(HttpClient http, CancellationToken cancellation)
    {
        using var response = await http.PostAsJsonAsync("api/dev/tokens", new { role = "admin", subject = "demo-seed" }, cancellation);
        if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<IssuedToken>(cancellation) is { AccessToken: { } token })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    private static async Task<bool> ExistsAsync(HttpClient http, string path, CancellationToken cancellation)
    {
        using var response = await http.GetAsync(path, cancellation);
        return response.StatusCode != HttpStatusCode.NotFound && EnsureSuccess(response, path);
    }

    private static async Task<bool> HasCasesAsync(HttpClient http, CancellationToken cancellation)
    {
        using var response = await http.GetAsync("api/cases?limit=1", cancellation);
        EnsureSuccess(response, "api/cases");
        return (await response.Content.ReadFromJsonAsync<CaseListOnly>(cancellation))!.Items.Count > 0;
    }

    /// <summary>Sends one request; a 409 (already there, or the case already moved on) counts as done.</summary>
    private static async Task<HttpResponseMessage?> SendAsync(HttpClient http, HttpMethod method, string path, object body, string? idempotencyKey,
        CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, body.GetType()) };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        request.Headers.TryAddWithoutValidation("X-Actor", "demo-seed");
        var response = await http.SendAsync(request, cancellation);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            response.Dispose();
            return null;
        }
        EnsureSuccess(response, path);
        return response;
    }

    private static bool EnsureSuccess(HttpResponseMessage response, string path) =>
        response.IsSuccessStatusCode ? true : throw new HttpRequestException($"{(int)response.StatusCode} from {path}", null, response.StatusCode);

    private async Task StartedAsync(CancellationToken cancellation)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var stopping = cancellation.Register(() => started.TrySetCanceled(cancellation));
        await started.Task;
    }

    /// <summary>The server's own address, a wildcard host read as loopback; http preferred (no certificate to trust).</summary>
    private Uri? LocalAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }
        var uri = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }
        uri.Path = "/";
        return uri.Uri;
    }

    private sealed record CaseNumberOnly(string Number);

    private sealed record CaseListOnly(IReadOnlyList<CaseNumberOnly> Items);

    private sealed record IssuedToken(string? AccessToken);
}
