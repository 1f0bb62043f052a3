using System.Net;
using System.Text;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api;

/// <summary>The full access matrix: every endpoint of the app (method and route template) against every kind of caller,
/// as one table. Each cell is what the caller must get: <c>401</c>, <c>403</c>, <c>404</c> (out of reach: answered as if
/// it did not exist), or <c>ok</c> (past access control: anything but 401, 403 and a 5xx). A test enumerates the app's
/// endpoints and fails when one has no row, so no endpoint can be added without deciding who may call it.</summary>
/// <remarks>The callers: anonymous; a customer owning the test data (a case, a device, a complaint: <c>cust</c>) and another customer (<c>cust2</c>); the
/// technician whose record is used (<c>tech</c>) and another one (<c>tech2</c>), neither holding the case; an agent and a
/// supervisor of customer-service in east, where the case and customer are (<c>agent</c>, <c>sup</c>), and of maintenance
/// in west (<c>agent2</c>, <c>sup2</c>); an admin; and one API key per scope. Requests carry a body that is not JSON and
/// an If-Match no resource has, so an allowed call stops at validation and the table's data stays as it was.</remarks>
public sealed class AccessMatrixTests(AccessApiApplication app) : IClassFixture<AccessApiApplication>
{
    private static readonly string[] Callers =
        ["anon", "cust", "cust2", "tech", "tech2", "agent", "agent2", "sup", "sup2", "admin", "cti", "intake", "hooks", "readings"];

    /// <summary>Method and route template → one expectation per caller, in the order of <see cref="Callers"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Matrix = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Columns, in order: anon cust cust2 tech tech2 agent agent2 sup sup2 admin cti intake hooks readings
        ["GET /openapi/{documentName}.json"]                                               = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /scalar/{documentName?}"]                                                    = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /scalar/favicon.svg"]                                                        = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /scalar/scalar.aspnetcore.js"]                                               = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /scalar/scalar.js"]                                                          = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /ping"]                                                                      = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /metrics"]                                                                   = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /health/live"]                                                               = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /health/ready"]                                                              = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["POST /api/customers"]                                                            = "401 403 403 403 403 ok  ok  ok  ok  ok  403 ok  403 403",
        ["GET /api/customers/lookup"]                                                      = "401 403 403 403 403 ok  ok  ok  ok  ok  ok  403 403 403",
        ["GET /api/customers/{id}"]                                                        = "401 ok  404 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["GET /api/customers/{id}/cases"]                                                  = "401 ok  404 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/customers/{customerId}/erase"]                                         = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["GET /api/audit"]                                                                 = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["PUT /api/models/{code}"]                                                         = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["GET /api/models/{code}"]                                                         = "401 ok  ok  ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/models"]                                                                = "401 ok  ok  ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/models/{code}/fault-codes/{faultCode}/solutions"]                      = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["POST /api/devices"]                                                              = "401 403 403 403 403 ok  ok  ok  ok  ok  403 ok  403 403",
        ["POST /api/devices/batch"]                                                        = "401 403 403 403 403 403 403 ok  ok  ok  403 ok  403 403",
        ["GET /api/devices/{serial}"]                                                      = "401 ok  404 ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/devices/{serial}/history"]                                              = "401 ok  404 ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/devices/{serial}/decommission"]                                        = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["POST /api/contracts"]                                                            = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["GET /api/contracts/{id}"]                                                        = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/technicians"]                                                          = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["GET /api/technicians/{id}"]                                                      = "401 403 403 ok  404 ok  ok  ok  ok  ok  403 403 403 403",
        ["PATCH /api/technicians/{id}"]                                                    = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["PUT /api/technicians/{id}/presence"]                                             = "401 403 403 ok  404 403 403 ok  ok  ok  403 403 403 403",
        ["PUT /api/technicians/{id}/shift-pattern"]                                        = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["POST /api/technicians/{id}/shift"]                                               = "401 403 403 ok  404 403 403 ok  ok  ok  403 403 403 403",
        ["GET /api/technicians/{id}/assignments"]                                          = "401 403 403 ok  404 ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/departments"]                                                           = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/departments/{department}/{region}"]                                     = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/departments/{department}/{region}/review"]                             = "401 403 403 403 403 403 403 ok  404 ok  403 403 403 403",
        ["POST /api/cases"]                                                                = "401 ok  ok  403 403 ok  ok  ok  ok  ok  403 ok  403 403",
        ["GET /api/cases"]                                                                 = "401 ok  ok  ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/cases/{number}"]                                                        = "401 ok  404 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["GET /api/cases/{number}/history"]                                                = "401 403 403 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/notes"]                                                 = "401 ok  404 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["GET /api/cases/{number}/routing"]                                                = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/escalate"]                                              = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/transfer"]                                              = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/assign"]                                                = "401 403 403 403 403 403 403 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/priority"]                                              = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/children"]                                              = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/start"]                                                 = "401 403 403 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/wait"]                                                  = "401 403 403 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/resume"]                                                = "401 403 403 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/resolve"]                                               = "401 403 403 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/close"]                                                 = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/reopen"]                                                = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/cancel"]                                                = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
        ["GET /api/cases/export.csv"]                                                      = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/case-list/rebuild"]                                                    = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["GET /api/kpis"]                                                                  = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["GET /api/problems"]                                                              = "401 403 403 ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/models/{code}/proposed-solutions"]                                      = "401 403 403 ok  ok  403 403 ok  ok  ok  403 403 403 403",
        ["GET /api/devices/{serial}/reliability"]                                          = "401 403 403 ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/models/{model}/reliability"]                                            = "401 403 403 ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/devices/{serial}/readings"]                                            = "401 403 403 ok  ok  403 403 ok  ok  ok  403 403 403 ok",
        ["POST /api/readings/batch"]                                                       = "401 403 403 403 403 403 403 403 403 ok  403 403 403 ok",
        ["GET /api/technicians/{id}/complaints"]                                           = "401 403 403 ok  404 403 403 ok  ok  ok  403 403 403 403",
        ["POST /api/shipments"]                                                            = "401 403 403 403 403 403 403 ok  ok  ok  403 ok  403 403",
        ["GET /api/shipments/{id}"]                                                        = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/cases/{number}/checklist"]                                              = "401 403 403 404 404 403 403 ok  404 ok  403 403 403 403",
        ["PUT /api/cases/{number}/checklist/{itemId}"]                                     = "401 403 403 404 404 403 403 ok  404 ok  403 403 403 403",
        ["POST /api/cases/{number}/commissioning"]                                         = "401 403 403 404 404 403 403 ok  404 ok  403 403 403 403",
        ["GET /api/cases/{number}/commissioning-report"]                                   = "401 ok  404 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["GET /api/cases/{number}/commissioning-report.html"]                              = "401 ok  404 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["GET /api/routing/policy"]                                                        = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["PUT /api/routing/policy"]                                                        = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["PUT /api/routing/rules/{id}"]                                                    = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["DELETE /api/routing/rules/{id}"]                                                 = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["PUT /api/routing/strategies/{department}"]                                       = "401 403 403 403 403 403 403 ok  404 ok  403 403 403 403",
        ["DELETE /api/routing/strategies/{department}"]                                    = "401 403 403 403 403 403 403 ok  404 ok  403 403 403 403",
        ["PUT /api/routing/strategies/{department}/{region}"]                              = "401 403 403 403 403 403 403 ok  404 ok  403 403 403 403",
        ["DELETE /api/routing/strategies/{department}/{region}"]                           = "401 403 403 403 403 403 403 ok  404 ok  403 403 403 403",
        ["PUT /api/routing/neighbours/{region}"]                                           = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["POST /api/cases/{number}/visits"]                                                = "401 403 403 404 404 403 403 ok  404 ok  403 403 403 403",
        ["GET /api/cases/{number}/visits"]                                                 = "401 403 403 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["GET /api/cases/{number}/visits/{visitId:int}"]                                   = "401 403 403 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["GET /api/devices/{serial}/maintenance"]                                          = "401 ok  404 ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["PUT /api/devices/{serial}/maintenance-plans/{planId}"]                           = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["DELETE /api/devices/{serial}/maintenance-plans/{planId}"]                        = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["POST /api/devices/{serial}/maintenance/work-orders/{number}/reissue"]            = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["GET /api/maintenance/overdue"]                                                   = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/complaints"]                                                           = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        // A customer reads their own complaint (with the notes written for them); another customer's is 404.
        ["GET /api/complaints/{id}"]                                                       = "401 ok  404 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/complaints/{id}/history"]                                               = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/complaints/{id}/notes"]                                                = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/complaints/{id}/escalate"]                                             = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/complaints/{id}/acknowledge"]                                          = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/complaints/{id}/investigate"]                                          = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/complaints/{id}/submitForReview"]                                      = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/complaints/{id}/approve"]                                              = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["POST /api/complaints/{id}/sendBack"]                                             = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        ["POST /api/complaints/{id}/confirm"]                                              = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["POST /api/complaints/{id}/reject"]                                               = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["GET /api/surveys/results"]                                                       = "401 403 403 403 403 403 403 ok  ok  ok  403 403 403 403",
        // A survey is reached by its random single-use link alone (sent to the customer), whoever holds it; no route lists surveys by customer.
        ["GET /api/surveys/{token}"]                                                       = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["POST /api/surveys/{token}"]                                                      = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /api/calendars/{region}"]                                                    = "401 403 403 ok  ok  ok  ok  ok  ok  ok  403 403 403 403",
        ["PUT /api/calendars/{region}"]                                                    = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["PUT /api/calendars/{region}/holidays"]                                           = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["GET /api/sla/policy"]                                                            = "401 403 403 403 403 ok  ok  ok  ok  ok  403 403 403 403",
        ["PUT /api/sla/policy"]                                                            = "401 403 403 403 403 403 403 403 403 ok  403 403 403 403",
        ["POST /api/webhooks/subscriptions"]                                               = "401 403 403 403 403 403 403 403 403 ok  403 403 ok  403",
        ["GET /api/webhooks/subscriptions"]                                                = "401 403 403 403 403 403 403 403 403 ok  403 403 ok  403",
        ["GET /api/webhooks/subscriptions/{id}"]                                           = "401 403 403 403 403 403 403 403 403 ok  403 403 ok  403",
        ["PUT /api/webhooks/subscriptions/{id}"]                                           = "401 403 403 403 403 403 403 403 403 ok  403 403 ok  403",
        ["DELETE /api/webhooks/subscriptions/{id}"]                                        = "401 403 403 403 403 403 403 403 403 ok  403 403 ok  403",
        ["GET /api/webhooks/subscriptions/{id}/deliveries"]                                = "401 403 403 403 403 403 403 403 403 ok  403 403 ok  403",
        ["POST /api/webhooks/subscriptions/{id}/deliveries/{eventId}/redeliver"]           = "401 403 403 403 403 403 403 403 403 ok  403 403 ok  403",
        ["POST /api/cti/{token}"]                                                          = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /api/cti/calls"]                                                             = "401 403 403 403 403 ok  ok  ok  ok  ok  ok  403 403 403",
        ["GET /api/cti/calls/{callId}"]                                                    = "401 403 403 403 403 ok  ok  ok  ok  ok  ok  403 403 403",
        ["POST /api/dev/tokens"]                                                           = "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok",
        ["GET /api/live/cases/{number}"]                                                   = "401 403 403 404 404 ok  404 ok  404 ok  403 403 403 403",
        ["GET /api/live/departments/{department}/{region}"]                                = "401 403 403 403 403 ok  404 ok  404 ok  403 403 403 403",
    };

    public static TheoryData<string> Rows() => [.. Matrix.Keys];

    [Fact]
    public void EveryEndpointOfTheAppHasARowAndEveryRowAnEndpoint()
    {
        var endpoints = Endpoints().Keys.ToHashSet(StringComparer.Ordinal);

        var missing = endpoints.Where(endpoint => !Matrix.ContainsKey(endpoint)).Order().ToList();
        var stale = Matrix.Keys.Where(row => !endpoints.Contains(row)).Order().ToList();

        Assert.True(missing.Count == 0, "Endpoints without a row in the access matrix (add one, deciding who may call it):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows without an endpoint:\n" + string.Join("\n", stale));
        Assert.All(Matrix, row => Assert.Equal(Callers.Length, Cells(row.Value).Length));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EachCallerGetsWhatTheMatrixSays(string row)
    {
        var data = await AccessData.OfAsync(app);
        var (method, template) = (row[..row.IndexOf(' ')], row[(row.IndexOf(' ') + 1)..]);
        var path = data.Fill(template);
        var cells = Cells(Matrix[row]);
        var failures = new StringBuilder();
        for (var i = 0; i < Callers.Length; i++)
        {
            using var client = data.ClientOf(Callers[i]);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                // In the content type the endpoint takes: routing answers 415 for another before any access check.
                var accepts = Endpoints()[row].Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes ?? [];
                var contentType = accepts.Count > 0 ? accepts[0] : "application/json";
                request.Content = new StringContent("{\"", Encoding.UTF8);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
                request.Headers.TryAddWithoutValidation("If-Match", "\"999999\"");
            }
            // Headers only: an event stream (the live routes) stays open.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var status = (int)response.StatusCode;
            var ok = cells[i] switch
            {
                "ok" => status is not (401 or 403) && status < 500,
                var expected => status == int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            };
            if (!ok)
            {
                failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{Callers[i]}: expected {cells[i]}, got {status} {await response.Content.ReadAsStringAsync()}");
            }
            if (status == 401)
            {
                Assert.True(response.Headers.WwwAuthenticate.Count > 0, $"{row} as {Callers[i]}: 401 without WWW-Authenticate");
            }
            if (status is 401 or 403 && cells[i] != "ok")
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.True(failures.Length == 0, $"{row} ({path}):\n{failures}");
    }

    private Dictionary<string, RouteEndpoint> Endpoints() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        // The console's files (one endpoint per file) and its index.html fallbacks are public by design, answer no data and
        // have tests of their own (ConsoleHostingTests).
        .Where(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null
            && endpoint.Order != int.MaxValue)
        .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
            .Select(method => (Key: $"{method} {Normalise(endpoint.RoutePattern.RawText)}", Endpoint: endpoint)))
        .DistinctBy(pair => pair.Key)
        .ToDictionary(pair => pair.Key, pair => pair.Endpoint, StringComparer.Ordinal);

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Route templates as the table writes them: the group's and the route's parts joined without doubled slashes.</summary>
    private static string Normalise(string? rawText)
    {
        var text = "/" + (rawText ?? "").Trim('/');
        return text.Replace("//", "/", StringComparison.Ordinal);
    }
}
