namespace AfterSales.Api.Demo;

internal static class DemoHostingExtensions
{
    /// <summary>The demo data seeder (section <c>AfterSales:Demo</c>; on by default in the embedded mode only).</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService(provider => provider.GetRequiredService<DemoSeeder>());
        return services;
    }
}
