using AfterSales.Silo.Hosting;
using AfterSales.Silo.Telemetry;
using Microsoft.Extensions.Hosting;

// The standalone silo. Its mode (Cluster in deployments, Embedded by default) and storage come from configuration
// (AfterSales:Hosting, ConnectionStrings:AfterSales) and are logged once at start; metrics, traces and the dashboard
// from AfterSales:Telemetry and AfterSales:Dashboard (docs/OBSERVABILITY.md).
// Settings are read beside the binaries wherever the silo is started from (AppContentRoot says when not).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContentRoot.For(typeof(Program).Assembly, args),
});
builder.AddAfterSalesOrleans();
builder.AddAfterSalesTelemetry("aftersales-silo");
await builder.Build().RunAsync();

// Declared here so that ASP.NET Core's generator (the dashboard brings that framework in) adds no public Program of its
// own: the API's Program is the one its OpenAPI document and tests know.
internal partial class Program;
