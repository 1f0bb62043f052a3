using AfterSales.Console;
using AfterSales.Console.Api;
using AfterSales.Console.Session;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using MudBlazor.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

builder.Services.AddLocalization();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMudServices();
builder.Services.AddScoped<BrowserStorage>();
builder.Services.AddScoped<ConsoleSession>();
builder.Services.AddScoped<UserCulture>();
// The console is served by the API process, so the API is the page's own origin.
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<ConsoleApi>();
builder.Services.AddScoped<LiveFeed>();

var host = builder.Build();
// The session is read first (the profile's language is in it); the culture must be set before the first render: every
// label and number is formatted with it.
await host.Services.GetRequiredService<ConsoleSession>().LoadAsync();
await host.Services.GetRequiredService<UserCulture>().ApplyAsync();
await host.RunAsync();
