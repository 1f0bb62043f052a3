using System.Net;
using AfterSales.Api.Devices;
using AfterSales.Api.Readings;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>A model with meters and a condition rule, its devices (owned by customers of <paramref name="region"/>, a
/// spare region of the test, so the work orders they open queue apart from other tests'), and their readings.</summary>
public sealed class ReadingsDriver(ApiDriver api, string region)
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The API's model body with an hours counter, a temperature gauge, a rule (the last temperature above
    /// 90 °C) and, besides the annual plan, a plan every 500 operating hours.</summary>
    public static Dictionary<string, object?> MeteredModelBody()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(ApiDriver.ModelBody(), ApiDriver.Json)!.AsObject();
        var result = body.ToDictionary(p => p.Key, p => (object?)p.Value);
        result["meters"] = new object[]
        {
            new { name = "operatingHours", unit = "h", kind = "counter" },
            new { name = "bearingTemp", unit = "°C", kind = "gauge" },
        };
        result["maintenancePlans"] = new object[]
        {
            new { id = "annual", name = "Annual service", intervalDays = 365, estimatedMinutes = 90 },
            new { id = "hours-500", name = "Oil change every 500 h", meter = "operatingHours", usageInterval = 500, windowDays = 7, estimatedMinutes = 30 },
        };
        result["conditionRules"] = new object[]
        {
            new { id = "overheat", meter = "bearingTemp", statistic = "last", window = 1, comparison = "above", threshold = 90 },
        };
        return result;
    }

    public async Task<string> MeteredModelAsync()
    {
        var code = ApiDriver.Unique("HXM");
        using var response = await api.PutAsync($"/api/models/{code}", MeteredModelBody());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    /// <summary>A new customer's device of a new metered model.</summary>
    public async Task<DeviceResponse> MeteredDeviceAsync(string? model = null)
    {
        model ??= await MeteredModelAsync();
        var customer = await api.CreateCustomerAsync(region);
        using var response = await api.PostAsync("/api/devices", new { serial = ApiDriver.Unique("SN"), model, customerId = customer.Id, installedOn = "2026-01-05" });
        return await ApiDriver.ReadAsync<DeviceResponse>(response, HttpStatusCode.Created);
    }

    public static object Reading(string meter, double value, int hour, bool? reset = null) =>
        new { meter, value, at = T0.AddHours(hour), reset };

    public static object Row(string serial, string meter, double value, int hour, bool? reset = null) =>
        new { serial, meter, value, at = T0.AddHours(hour), reset };

    public Task<HttpResponseMessage> RecordAsync(string serial, object reading) => api.PostAsync($"/api/devices/{serial}/readings", reading);

    public Task<HttpResponseMessage> BatchAsync(params object[] rows) => api.PostAsync("/api/readings/batch", new { readings = rows });

    public async Task<ReadingsResponse> BatchOkAsync(params object[] rows)
    {
        using var response = await BatchAsync(rows);
        return await ApiDriver.ReadAsync<ReadingsResponse>(response, HttpStatusCode.OK);
    }

    public async Task<DeviceResponse> DeviceAsync(string serial)
    {
        using var response = await api.Client.GetAsync($"/api/devices/{serial}");
        return await ApiDriver.ReadAsync<DeviceResponse>(response, HttpStatusCode.OK);
    }
}
