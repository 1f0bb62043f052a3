namespace AfterSales.Api.Live;

internal static class LiveHostingExtensions
{
    /// <summary>The process's <see cref="LiveHub"/>: one subscriber to the case changes for every live view it serves.</summary>
    public static IServiceCollection AddLiveViews(this IServiceCollection services)
    {
        services.AddSingleton<LiveHub>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveHub>());
        return services;
    }
}
