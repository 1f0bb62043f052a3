using AfterSales.Tests.Api.Client;
using AfterSales.Tests.Api.Client.Models;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace AfterSales.Tests.Api;

/// <summary>The main flows through a client generated from the published OpenAPI document (Kiota, at build): if the
/// document says something the server does not do, these calls fail.</summary>
[Collection(DefaultConfigurationCollection.Name)]
public sealed class GeneratedClientTests : IDisposable
{
    private readonly HttpClient http;
    private readonly AfterSalesClient client;

    public GeneratedClientTests(DefaultConfigurationApiApplication app)
    {
        // Kiota's own handler chain: its headers-inspection option (to read the ETag) works only there.
        http = KiotaClientFactory.Create();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.AdminToken);
        client = new AfterSalesClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = app.BaseAddress.ToString().TrimEnd('/'),
        });
    }

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task ACaseOpenedThroughTheGeneratedClientIsAssignedReadAndStartedWithItsETag()
    {
        var technician = await client.Api.Technicians.PostAsync(new CreateTechnicianRequest
        {
            Id = ApiDriver.Unique("T"),
            Name = "Li Wei",
            Department = Department.Maintenance,
            Region = CreateTechnicianRequest_region.East,
            Skills = [new TechnicianSkill { Name = "boiler", Level = 4 }],
            Capacity = 50,
            OnShift = true,
        }, config => config.Headers.Add("Idempotency-Key", ApiDriver.Unique("key")));
        var customer = await client.Api.Customers.PostAsync(new CreateCustomerRequest
        {
            Name = "Acme Mining",
            Phones = ["+86 138 0013 8000"],
            Emails = ["ops@acme.example"],
            Region = CreateCustomerRequest_region.East,
            Tier = CustomerTier.Gold,
            Language = CreateCustomerRequest_language.ZhCN,
        });
        var opened = await client.Api.Cases.PostAsync(new CreateCaseRequest
        {
            CustomerId = customer!.Id,
            Type = CaseType.Maintenance,
            Priority = CasePriority.High,
            Channel = CaseChannel.Phone,
            Subject = "Boiler will not start",
            Description = "Error E4 after the last power cut.",
        }, config =>
        {
            config.Headers.Add("Idempotency-Key", ApiDriver.Unique("key"));
            config.Headers.Add("X-Actor", "agent.amy");
        });

        var read = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var current = await client.Api.Cases[opened!.Number].GetAsync(config => config.Options.Add(read));
        var etag = Assert.Single(read.ResponseHeaders["ETag"]);
        var started = await client.Api.Cases[opened.Number].Start.PostAsync(new CaseActionRequest { Reason = "On site." },
            config => config.Headers.Add("If-Match", etag));

        Assert.Equal(CaseStatus.Assigned, opened.Status);
        Assert.Equal(technician!.Id, opened.AssignedTechnicianId);
        Assert.Equal(opened.Number, current!.Number);
        Assert.Equal($"\"{current.Version}\"", etag);
        Assert.Equal(CaseStatus.InProgress, started!.Status);
        Assert.Contains(CaseAction.Resolve, started.AllowedActions!);
    }

    [Fact]
    public async Task AStaleETagSurfacesAsTheDocumented412ProblemWithItsField()
    {
        var customer = await client.Api.Customers.PostAsync(new CreateCustomerRequest
        {
            Name = "Chen Jie",
            Emails = ["chen@example.com"],
            Region = CreateCustomerRequest_region.West,
            Tier = CustomerTier.Standard,
            Language = CreateCustomerRequest_language.En,
        });
        var opened = await client.Api.Cases.PostAsync(new CreateCaseRequest
        {
            CustomerId = customer!.Id,
            Type = CaseType.Consultation,
            Priority = CasePriority.Normal,
            Channel = CaseChannel.Email,
            Subject = "Warranty question",
            Description = "Is the pump still under warranty?",
        });

        var refused = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => client.Api.Cases[opened!.Number].Notes.PostAsync(
            new AddNoteRequest { Text = "Late note.", Visibility = NoteVisibility.Internal },
            config => config.Headers.Add("If-Match", "\"stale-etag\"")));

        Assert.Equal(412, refused.ResponseStatusCode);
        Assert.True(refused.Errors!.AdditionalData.ContainsKey("If-Match"));
    }
}
