using System.Globalization;
using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Devices;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>A product model (fault code E42 with the known solution E42-1), a customer and a technical-support technician
/// in a region of their own, and fault cases about devices whose serials are one series (<c>{Series}000123</c>), driven
/// over HTTP.</summary>
public sealed class FaultDriver(ApiDriver api, string model, string region, string customerId, string technicianId)
{
    public ApiDriver Api => api;

    public string Model => model;

    public string Region => region;

    public string CustomerId => customerId;

    public string TechnicianId => technicianId;

    /// <summary>The serial prefix of this driver's devices.</summary>
    public string Series { get; } = ApiDriver.Unique("S")[..15] + "-";

    public static async Task<FaultDriver> StartAsync(ApiDriver api, string region)
    {
        var model = await api.CreateModelAsync();
        var customer = await api.CreateCustomerAsync(region);
        var technician = await api.CreateTechnicianAsync("technical-support", region, capacity: 100);
        return new FaultDriver(api, model, region, customer.Id, technician.Id);
    }

    public string Serial(long number) => string.Create(CultureInfo.InvariantCulture, $"{Series}{number:D6}");

    public async Task<DeviceResponse> DeviceAsync(long number)
    {
        using var response = await api.PostAsync("/api/devices", new { serial = Serial(number), model, customerId });
        return await ApiDriver.ReadAsync<DeviceResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>The body of a fault case about <paramref name="deviceSerial"/> with <paramref name="faultCode"/>.</summary>
    public object FaultBody(string? deviceSerial, string? faultCode, string type = "fault") => new
    {
        customerId,
        type,
        priority = "normal",
        channel = "phone",
        subject = "Pressure drops",
        description = "The pump loses pressure after ten minutes.",
        deviceSerial,
        faultCode,
    };

    /// <summary>Opens a fault case with code E42 about a new device with serial number <paramref name="number"/>.</summary>
    public async Task<CaseResponse> FaultAsync(long number, string faultCode = "E42")
    {
        var device = await DeviceAsync(number);
        using var response = await api.PostAsync("/api/cases", FaultBody(device.Serial, faultCode));
        return await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.Created);
    }

    public async Task<CaseResponse> GetAsync(string number) => (await api.GetCaseAsync(number)).Case;

    /// <summary>Waits until problem detection (told one-way) linked the case to a problem.</summary>
    public async Task<CaseResponse> LinkedAsync(string number)
    {
        CaseResponse? read = null;
        await ApiDriver.EventuallyAsync(async () => (read = await GetAsync(number)).Problem is not null, $"{number} is a problem's child");
        return read!;
    }

    /// <summary>Posts a state action and reads the answer with the expected status.</summary>
    public async Task<CaseResponse> ActAsync(string number, string action, object? body = null, params (string Name, string Value)[] headers)
    {
        using var response = await api.PostAsync($"/api/cases/{number}/{action}", body ?? new { }, headers);
        return await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
    }
}
