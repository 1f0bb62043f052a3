using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>What the access tests call against, made once per app: customer A in east with a device and a consultation
/// case (so in customer-service/east) and a complaint, customer B in east, technician T; and a client per kind of caller.</summary>
public sealed partial class AccessData
{
    private static readonly ConditionalWeakTable<AccessApiApplication, Lazy<Task<AccessData>>> Made = [];

    private readonly AccessApiApplication app;
    private readonly Dictionary<string, string?> tokens = [];

    private AccessData(AccessApiApplication app) => this.app = app;

    public string CustomerId { get; private set; } = "";
    public string OtherCustomerId { get; private set; } = "";
    public string Serial { get; private set; } = "";
    public string CaseNumber { get; private set; } = "";
    public string TechnicianId { get; private set; } = "";
    public string ComplaintId { get; private set; } = "";

    public static Task<AccessData> OfAsync(AccessApiApplication app) =>
        Made.GetValue(app, a => new Lazy<Task<AccessData>>(() => new AccessData(a).MakeAsync())).Value;

    private async Task<AccessData> MakeAsync()
    {
        using var admin = app.CreateApiClient();
        var driver = new ApiDriver(admin);
        CustomerId = (await driver.CreateCustomerAsync("east")).Id;
        OtherCustomerId = (await driver.CreateCustomerAsync("east")).Id;
        Serial = (await driver.CreateDeviceAsync(CustomerId, ApiDriver.Unique("M"))).Serial;
        CaseNumber = (await driver.OpenCaseAsync(CustomerId, "consultation", Serial, category: null)).Number;
        TechnicianId = (await driver.CreateTechnicianAsync("technical-support", "west")).Id;
        using (var filed = await driver.PostAsync("/api/complaints", new
        {
            customerId = CustomerId, channel = "email", category = "serviceQuality", severity = "medium", description = "Nobody called back.",
        }))
        {
            ComplaintId = (await ApiDriver.ReadAsync<AfterSales.Api.Complaints.ComplaintResponse>(filed, System.Net.HttpStatusCode.Created)).Id;
        }

        var t = app.Tokens;
        tokens["anon"] = null;
        tokens["cust"] = t.For("customer", customerId: CustomerId);
        tokens["cust2"] = t.For("customer", customerId: OtherCustomerId);
        tokens["tech"] = t.For("technician", technicianId: TechnicianId);
        tokens["tech2"] = t.For("technician", technicianId: ApiDriver.Unique("T"));
        tokens["agent"] = t.For("agent", departments: ["customer-service"], regions: ["east"]);
        tokens["agent2"] = t.For("agent", departments: ["maintenance"], regions: ["west"]);
        tokens["sup"] = t.For("supervisor", departments: ["customer-service"], regions: ["east"]);
        tokens["sup2"] = t.For("supervisor", departments: ["maintenance"], regions: ["west"]);
        tokens["admin"] = app.AdminToken;
        return this;
    }

    /// <summary>A client calling as <paramref name="caller"/> (a column of the matrix).</summary>
    public HttpClient ClientOf(string caller) => caller switch
    {
        "cti" or "intake" or "readings" => app.CreateKeyClient(AccessApiApplication.Keys[caller]),
        "hooks" => app.CreateKeyClient(AccessApiApplication.Keys["webhooks"]),
        _ => app.CreateApiClient(tokens[caller]),
    };

    /// <summary>The template with its parameters filled: the test data where the route names it, a harmless value elsewhere.</summary>
    public string Fill(string template) => Parameter().Replace(template, match =>
    {
        var name = match.Groups[1].Value;
        var before = template[..match.Index];
        return name switch
        {
            "number" => CaseNumber,
            "serial" => Serial,
            "id" when before == "/api/customers/" => CustomerId,
            "id" when before == "/api/technicians/" => TechnicianId,
            "id" when before == "/api/complaints/" => ComplaintId,
            "department" => "customer-service",
            "region" => "east",
            "token" when before.StartsWith("/api/surveys", StringComparison.Ordinal) => new string('A', 32),
            "token" => "not-a-configured-token",
            "visitId" => "1",
            "documentName" => "v1",
            _ => "x1",
        };
    });

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[a-z]+)?\??\}")]
    private static partial Regex Parameter();
}
