using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// The standalone silo. Its mode (Cluster in deployments, Embedded by default) and storage come from configuration
// (AfterSales:Hosting, ConnectionStrings:AfterSales) and are logged once at start.
var builder = Host.CreateApplicationBuilder(args);
builder.AddAfterSalesOrleans();
await builder.Build().RunAsync();
