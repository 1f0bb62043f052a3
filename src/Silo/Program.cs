using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// The standalone silo. Its mode (Cluster in deployments, Embedded by default) and storage come from configuration
// (AfterSales:Hosting, ConnectionStrings:AfterSales) and are logged once at start.
// Settings are read beside the binaries wherever the silo is started from (AppContentRoot says when not).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContentRoot.For(typeof(Program).Assembly, args),
});
builder.AddAfterSalesOrleans();
await builder.Build().RunAsync();
