using AfterSales.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAfterSalesOrleans();

var app = builder.Build();
app.MapGet("/", () => "AfterSales.Orleans");
app.Run();

/// <summary>Entry point, visible to the API tests.</summary>
public partial class Program;
