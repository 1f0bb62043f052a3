using AfterSales.Api.Access;
using AfterSales.Api.Audit;
using AfterSales.Api.CaseList;
using AfterSales.Api.Cases;
using AfterSales.Api.Complaints;
using AfterSales.Api.Console;
using AfterSales.Api.Contracts;
using AfterSales.Api.Cti;
using AfterSales.Api.Customers;
using AfterSales.Api.Departments;
using AfterSales.Api.Devices;
using AfterSales.Api.Faults;
using AfterSales.Api.Health;
using AfterSales.Api.Hosting;
using AfterSales.Api.Installation;
using AfterSales.Api.Kpis;
using AfterSales.Api.Live;
using AfterSales.Api.Maintenance;
using AfterSales.Api.Models;
using AfterSales.Api.Observability;
using AfterSales.Api.Reliability;
using AfterSales.Api.Readings;
using AfterSales.Api.Routing;
using AfterSales.Api.Sla;
using AfterSales.Api.Surveys;
using AfterSales.Api.Technicians;
using AfterSales.Api.Visits;
using AfterSales.Api.Webhooks;
using AfterSales.Silo.Hosting;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContentRoot.For(typeof(Program).Assembly, args),
});

builder.AddAfterSalesOrleans();
builder.AddAfterSalesApi();
builder.AddAfterSalesAuth();
builder.AddAfterSalesObservability();
builder.AddAfterSalesAudit();
builder.AddAfterSalesConsole();

var app = builder.Build();

app.UseAfterSalesApi();

// The document and its reader are public: they describe the API, they hold no data.
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapHealthApi();
app.MapObservability();

var api = app.MapApiGroup();
api.MapCustomersApi();
api.MapModelsApi();
api.MapDevicesApi();
api.MapContractsApi();
api.MapTechniciansApi();
api.MapDepartmentsApi();
api.MapCasesApi();
api.MapCaseListApi();
api.MapKpisApi();
api.MapShipmentsApi();
api.MapCommissioningApi();
api.MapRoutingApi();
api.MapFaultsApi();
api.MapVisitsApi();
api.MapReliabilityApi();
api.MapMaintenanceApi();
api.MapReadingsApi();
api.MapComplaintsApi();
api.MapSurveysApi();
api.MapCalendarsApi();
api.MapSlaApi();
api.MapWebhooksApi();
api.MapCtiApi();
api.MapAuditApi();
api.MapDevelopmentTokensApi(app.Configuration, app.Environment);
app.MapLiveApi();
app.MapAfterSalesConsole();

app.Run();

/// <summary>Entry point, visible to the API tests.</summary>
public partial class Program;
