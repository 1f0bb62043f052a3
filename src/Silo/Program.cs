using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAfterSalesOrleans();
await builder.Build().RunAsync();
