using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AfterSales.Api.Cases;
using AfterSales.Api.Customers;
using AfterSales.Api.Departments;
using AfterSales.Api.Devices;
using AfterSales.Api.Hosting;
using AfterSales.Api.Routing;
using AfterSales.Api.Technicians;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>Drives the API as a client would, with ids unique to each call so tests never share data.</summary>
public sealed class ApiDriver(HttpClient client)
{
    /// <summary>The API's own JSON contract; strict, so a response with a member the contract lacks fails to read.</summary>
    public static JsonSerializerOptions Json => ApiJson.Options;

    public HttpClient Client => client;

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static JsonContent JsonBody(object value) => JsonContent.Create(value, value.GetType(), options: Json);

    public Task<HttpResponseMessage> PostAsync(string path, object body, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, path, JsonBody(body), headers);

    public Task<HttpResponseMessage> PutAsync(string path, object body, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Put, path, JsonBody(body), headers);

    public Task<HttpResponseMessage> PatchAsync(string path, object body, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Patch, path, JsonBody(body), headers);

    public Task<HttpResponseMessage> DeleteAsync(string path, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Delete, path, null, headers);

    public Task<HttpResponseMessage> PostRawAsync(string path, string json, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, path, JsonBody(json), headers);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static object CustomerBody(string id, string region = "west", string phone = "+86 138 0013 8000") => new
    {
        id,
        name = "Wang Fang",
        phones = new[] { phone },
        emails = new[] { "Wang.Fang@Example.COM" },
        region,
        tier = "gold",
        language = "zh-CN",
    };

    public async Task<CustomerResponse> CreateCustomerAsync(string region = "west")
    {
        using var response = await PostAsync("/api/customers", CustomerBody(Unique("C"), region));
        return await ReadAsync<CustomerResponse>(response, HttpStatusCode.Created);
    }

    public static object TechnicianBody(string id, string department, string region, bool onShift = true, int capacity = 5) => new
    {
        id,
        name = "Li Lei",
        department,
        region,
        skills = new[] { new { name = "boiler", level = 4 } },
        capacity,
        onShift,
    };

    public async Task<TechnicianResponse> CreateTechnicianAsync(string department, string region, bool onShift = true, int capacity = 5)
    {
        using var response = await PostAsync("/api/technicians", TechnicianBody(Unique("T"), department, region, onShift, capacity));
        return await ReadAsync<TechnicianResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>A technician with exactly these skills (name, level); its id starts with <paramref name="idPrefix"/>,
    /// which decides its place in id order (round-robin, ties).</summary>
    public async Task<TechnicianResponse> CreateTechnicianAsync(string department, string region, (string Name, int Level)[] skills,
        int capacity = 5, bool onShift = true, string idPrefix = "T")
    {
        using var response = await PostAsync("/api/technicians", new
        {
            id = Unique(idPrefix),
            name = "Chen Jing",
            department,
            region,
            skills = skills.Select(s => new { name = s.Name, level = s.Level }).ToArray(),
            capacity,
            onShift,
        });
        return await ReadAsync<TechnicianResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>A product model's definition: a measured and a checked commissioning step, a plan, a fault code with a
    /// solution, and the skills given.</summary>
    public static object ModelBody(string name = "Heat pump HX", (string Name, int Level)[]? installationSkills = null,
        (string Name, int Level)[]? maintenanceSkills = null, int warrantyMonths = 24) => new
    {
        name,
        warrantyMonths,
        installationSkills = (installationSkills ?? []).Select(s => new { name = s.Name, minLevel = s.Level }).ToArray(),
        maintenanceSkills = (maintenanceSkills ?? []).Select(s => new { name = s.Name, minLevel = s.Level }).ToArray(),
        checklist = new object[]
        {
            new { id = "supply-voltage", text = "Measure the supply voltage", kind = "measurement", unit = "V", min = 210, max = 240 },
            new { id = "leak-test", text = "No leak after 10 minutes at pressure", kind = "check" },
        },
        maintenancePlans = new[] { new { id = "annual", name = "Annual service", intervalDays = 365, estimatedMinutes = 90, tasks = new[] { "Clean the filter" } } },
        faultCodes = new[] { new { code = "E42", description = "Low pressure", solutions = new[] { new { summary = "Replace the seal." } } } },
    };

    /// <summary>Defines a product model with a new code and returns the code.</summary>
    public async Task<string> CreateModelAsync((string Name, int Level)[]? installationSkills = null,
        (string Name, int Level)[]? maintenanceSkills = null, int warrantyMonths = 24)
    {
        var code = Unique("HX");
        using var response = await PutAsync($"/api/models/{code}", ModelBody(installationSkills: installationSkills,
            maintenanceSkills: maintenanceSkills, warrantyMonths: warrantyMonths));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    /// <summary>Registers a device of <paramref name="model"/>, defining the model first when no test has.</summary>
    public async Task<DeviceResponse> CreateDeviceAsync(string customerId, string model)
    {
        using (var defined = await PutAsync($"/api/models/{model}", ModelBody(), ("If-None-Match", "*")))
        {
            Assert.True(defined.StatusCode is HttpStatusCode.Created or HttpStatusCode.PreconditionFailed, $"Defining model {model}: {(int)defined.StatusCode}");
        }
        using var response = await PostAsync("/api/devices", new { serial = Unique("SN"), model, customerId });
        return await ReadAsync<DeviceResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>Opens a case of any type, with an optional device and fault category.</summary>
    public async Task<CaseResponse> OpenCaseAsync(string customerId, string type, string? deviceSerial, string? category,
        params (string Name, string Value)[] headers)
    {
        using var response = await PostAsync("/api/cases", new
        {
            customerId,
            type,
            priority = "normal",
            channel = "phone",
            subject = "Pressure drops",
            description = "The pump loses pressure after ten minutes.",
            deviceSerial,
            category,
            // An installation work order needs the window agreed with the customer.
            installationWindow = type == "installation" ? InstallationDriver.Window() : null,
        }, headers);
        return await ReadAsync<CaseResponse>(response, HttpStatusCode.Created);
    }

    public async Task<(TechnicianResponse Technician, EntityTagHeaderValue ETag)> GetTechnicianAsync(string id)
    {
        using var response = await client.GetAsync($"/api/technicians/{id}");
        var technician = await ReadAsync<TechnicianResponse>(response, HttpStatusCode.OK);
        return (technician, response.Headers.ETag!);
    }

    public async Task<CaseRoutingResponse> GetRoutingAsync(string number)
    {
        using var response = await client.GetAsync($"/api/cases/{number}/routing");
        return await ReadAsync<CaseRoutingResponse>(response, HttpStatusCode.OK);
    }

    /// <summary>Every event of the case, following the pages' next links.</summary>
    public async Task<CaseEventResponse[]> GetHistoryAsync(string number)
    {
        var events = new List<CaseEventResponse>();
        string? next = $"/api/cases/{number}/history?limit=1000";
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            var page = await ReadAsync<CaseHistoryResponse>(response, HttpStatusCode.OK);
            events.AddRange(page.Events);
            next = page.Next;
        }
        return [.. events];
    }

    public async Task<DepartmentResponse> GetDepartmentAsync(string department, string region)
    {
        using var response = await client.GetAsync($"/api/departments/{department}/{region}");
        return await ReadAsync<DepartmentResponse>(response, HttpStatusCode.OK);
    }

    public async Task<(RoutingPolicyResponse Policy, EntityTagHeaderValue ETag)> GetPolicyAsync()
    {
        using var response = await client.GetAsync("/api/routing/policy");
        var policy = await ReadAsync<RoutingPolicyResponse>(response, HttpStatusCode.OK);
        return (policy, response.Headers.ETag!);
    }

    /// <summary>The body that puts <paramref name="policy"/> back as it is (a PUT takes every member but the version).</summary>
    public static Dictionary<string, object?> PolicyBody(RoutingPolicyResponse policy) => new()
    {
        ["rules"] = policy.Rules,
        ["weights"] = policy.Weights,
        ["defaultStrategy"] = policy.DefaultStrategy,
        ["strategies"] = policy.Strategies,
        ["neighbours"] = policy.Neighbours,
        ["overflow"] = policy.Overflow,
        ["relaxationDelay"] = policy.RelaxationDelay,
    };

    /// <summary>Adds a skill rule and returns the policy with it.</summary>
    public async Task<RoutingPolicyResponse> PutRuleAsync(string id, object rule)
    {
        using var response = await PutAsync($"/api/routing/rules/{id}", rule);
        return await ReadAsync<RoutingPolicyResponse>(response, HttpStatusCode.OK);
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for effects the service makes asynchronously (one-way
    /// messages); fails with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {seconds} s waiting for: {what}");
            await Task.Delay(50);
        }
    }

    public static object CaseBody(string customerId, string type = "maintenance", string subject = "Boiler will not start") => new
    {
        customerId,
        type,
        priority = "high",
        channel = "phone",
        subject,
        description = "The boiler shows error E4 after the last power cut.\nThe customer has reset it twice.",
    };

    public async Task<CaseResponse> OpenCaseAsync(string customerId, string type = "maintenance")
    {
        using var response = await PostAsync("/api/cases", CaseBody(customerId, type));
        return await ReadAsync<CaseResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>A case assigned to a technician: an installation case in a region where this call puts a technician on shift.</summary>
    public async Task<CaseResponse> OpenAssignedCaseAsync(string region = "north")
    {
        await CreateTechnicianAsync("maintenance", region, onShift: true, capacity: 50);
        var customer = await CreateCustomerAsync(region);
        return await OpenCaseAsync(customer.Id);
    }

    public async Task<(CaseResponse Case, EntityTagHeaderValue ETag)> GetCaseAsync(string number)
    {
        using var response = await client.GetAsync($"/api/cases/{number}");
        var snapshot = await ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
        return (snapshot, response.Headers.ETag!);
    }
}
