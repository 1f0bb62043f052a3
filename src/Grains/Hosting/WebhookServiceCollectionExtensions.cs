using System.Net;
using AfterSales.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Registers what webhook deliveries need.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>Binds <see cref="WebhookOptions"/> from <c>AfterSales:Webhooks</c> (validated at start) and adds the
    /// delivery client: a named <see cref="HttpClient"/> that follows no redirects (a receiver's redirect is a failed
    /// attempt, so a signed event never lands on a URL nobody subscribed) and no cookies; and a silo start-up step that
    /// wakes the reader.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.TryAddSingleton<WebhookSender>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, WebhookReaderStartup>();
        return services;
    }
}
