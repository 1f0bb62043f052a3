using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>A separate app whose grains read a <see cref="FakeTimeProvider"/>, so tests move time (retention,
/// expiry) instead of waiting. Orleans' own clocks stay on real time.</summary>
public sealed class FakeClockApiApplication : ApiApplication
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            services.AddKeyedSingleton(TimeProviderNames.Grains, TimeProvider.System);
        });
    }
}
