using System.Net;
using AfterSales.Api.Installation;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>Drives installations through the API as a client would: a model with the driver's two-step checklist
/// (<c>supply-voltage</c> measured in V, 210 to 240; <c>leak-test</c> checked), an installer with its skill, a shipment
/// with a window, and the commissioning of the work order it opens. Each instance works in a region of its own.</summary>
public sealed class InstallationDriver(ApiDriver api, string region)
{
    public const string Skill = "heat-pumps";

    public ApiDriver Api => api;

    public string Region => region;

    public static object Window(int days = 3)
    {
        var day = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(days);
        return new { start = day.AddHours(8), end = day.AddHours(17) };
    }

    public static object SignOff(string name = "Wang Fang") => new { signOff = new { name, signedAt = DateTimeOffset.UtcNow.AddMinutes(-1) } };

    public static object Shipment(string customerId, string model, string[] serials, object? window, string? id = null) => new
    {
        id,
        customerId,
        site = "Plant 3, Hall B",
        shippedOn = "2026-05-02",
        devices = serials.Select(serial => new { serial, model }).ToArray(),
        installationWindow = window,
    };

    /// <summary>A model whose installation needs <see cref="Skill"/> ≥ 2.</summary>
    public Task<string> ModelAsync() => api.CreateModelAsync(installationSkills: [(Skill, 2)]);

    public async Task<string> InstallerAsync() =>
        (await api.CreateTechnicianAsync("installation", region, [(Skill, 3)], capacity: 30)).Id;

    public async Task<ShipmentResponse> ShipAsync(string customerId, string model, int devices = 1, params (string Name, string Value)[] headers)
    {
        var serials = Enumerable.Range(0, devices).Select(_ => ApiDriver.Unique("SN")).ToArray();
        using var response = await api.PostAsync("/api/shipments", Shipment(customerId, model, serials, Window()), headers);
        return await ApiDriver.ReadAsync<ShipmentResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>A shipped device's work order, assigned to a new installer and started.</summary>
    public async Task<(string Number, string Serial, string Installer)> StartedWorkOrderAsync()
    {
        var installer = await InstallerAsync();
        var customer = await api.CreateCustomerAsync(region);
        var shipment = await ShipAsync(customer.Id, await ModelAsync());
        var number = shipment.Devices[0].WorkOrderNumber!;
        using var started = await api.PostAsync($"/api/cases/{number}/start", new { }, ("X-Actor", installer));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        return (number, shipment.Devices[0].Serial, installer);
    }

    public Task<HttpResponseMessage> AnswerAsync(string number, string itemId, object body, params (string Name, string Value)[] headers) =>
        api.PutAsync($"/api/cases/{number}/checklist/{itemId}", body, headers);

    /// <summary>Answers both items so that the commissioning passes.</summary>
    public async Task PassAsync(string number)
    {
        using var voltage = await AnswerAsync(number, "supply-voltage", new { value = 229.5, unit = "V" });
        using var leak = await AnswerAsync(number, "leak-test", new { passed = true });
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (voltage.StatusCode, leak.StatusCode));
    }

    public Task<HttpResponseMessage> SubmitAsync(string number, string name = "Wang Fang", params (string Name, string Value)[] headers) =>
        api.PostAsync($"/api/cases/{number}/commissioning", SignOff(name), headers);

    public async Task<ChecklistResponse> ChecklistAsync(string number)
    {
        using var response = await api.Client.GetAsync($"/api/cases/{number}/checklist");
        return await ApiDriver.ReadAsync<ChecklistResponse>(response, HttpStatusCode.OK);
    }
}
