using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Registers what complaints need from the container.</summary>
internal static class ComplaintsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ComplaintOptions"/> from <c>AfterSales:Complaints</c>, validated at start.</summary>
    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ComplaintOptions>()
            .Bind(configuration.GetSection(ComplaintOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintOptions>, ComplaintOptionsValidator>());
        return services;
    }
}
