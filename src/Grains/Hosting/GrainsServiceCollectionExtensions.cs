using AfterSales.CaseList;
using AfterSales.Common;
using AfterSales.Diagnostics;
using AfterSales.Domain.Routing;
using AfterSales.Models;
using AfterSales.Routing;
using AfterSales.Technicians;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Registers what the after-sales grains need from the container.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="AfterSalesOptions"/> from the <c>AfterSales</c> section (default regions when it
    /// lists none; validated at start) and <see cref="RoutingOptions"/> from <c>AfterSales:Routing</c> (validated at
    /// start), <see cref="IdempotencyOptions"/> from <c>AfterSales:Idempotency</c>, <see cref="EquipmentOptions"/> from
    /// <c>AfterSales:Equipment</c>, <see cref="ProblemDetectionOptions"/> from <c>AfterSales:ProblemDetection</c> and
    /// <see cref="MaintenanceSchedulerOptions"/> from <c>AfterSales:MaintenanceScheduler</c>, <see cref="SurveyOptions"/> from <c>AfterSales:Surveys</c>, <see cref="SlaOptions"/> from <c>AfterSales:Sla</c>, <see cref="SlaClockOptions"/> from <c>AfterSales:Sla:Clocks</c> <see cref="CaseFeedOptions"/> from <c>AfterSales:CaseFeed</c> and <see cref="CtiOptions"/> from <c>AfterSales:Cti</c> (validated at start), the case-event publisher, the SLA policy and business calendar caches, the silo's routing-policy and product-model caches and region time zones, and the system <see cref="TimeProvider"/>
    /// unless one is registered already.</summary>
    public static IServiceCollection AddAfterSalesGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AfterSalesOptions>()
            .Bind(configuration.GetSection(AfterSalesOptions.SectionName))
            .PostConfigure(options =>
            {
                if (options.Regions.Count == 0)
                {
                    options.Regions.AddRange(AfterSalesOptions.DefaultRegions);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AfterSalesOptions>, AfterSalesOptionsValidator>());
        services.AddOptions<RoutingOptions>()
            .Bind(configuration.GetSection(RoutingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        services.AddOptions<IdempotencyOptions>()
            .Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>());
        services.AddOptions<EquipmentOptions>()
            .Bind(configuration.GetSection(EquipmentOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EquipmentOptions>, EquipmentOptionsValidator>());
        services.AddOptions<ProblemDetectionOptions>()
            .Bind(configuration.GetSection(ProblemDetectionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProblemDetectionOptions>, ProblemDetectionOptionsValidator>());
        services.AddOptions<MaintenanceSchedulerOptions>()
            .Bind(configuration.GetSection(MaintenanceSchedulerOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MaintenanceSchedulerOptions>, MaintenanceSchedulerOptionsValidator>());
        services.AddComplaints(configuration);
        services.AddOptions<SurveyOptions>()
            .Bind(configuration.GetSection(SurveyOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SurveyOptions>, SurveyOptionsValidator>());
        services.AddOptions<SlaOptions>()
            .Bind(configuration.GetSection(SlaOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>());
        services.AddOptions<SlaClockOptions>()
            .Bind(configuration.GetSection(SlaClockOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaClockOptions>, SlaClockOptionsValidator>());
        services.AddOptions<CaseFeedOptions>()
            .Bind(configuration.GetSection(CaseFeedOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CaseFeedOptions>, CaseFeedOptionsValidator>());
        services.AddOptions<CtiOptions>()
            .Bind(configuration.GetSection(CtiOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CtiOptions>, CtiOptionsValidator>());
        services.TryAddSingleton<ICaseFeed, StreamCaseFeed>();
        services.AddWebhooks(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RoutingPolicyCache>();
        services.TryAddSingleton<ProductModelCache>();
        services.TryAddSingleton<RegionCalendars>();
        services.TryAddSingleton<Sla.SlaPolicyCache>();
        services.TryAddSingleton<Sla.BusinessCalendarCache>();
        services.AddAfterSalesMetrics();
        services.TryAddSingleton(provider => RoutingOptionsReader.ReadShards(
            provider.GetRequiredService<IOptions<RoutingOptions>>().Value,
            provider.GetRequiredService<IOptions<AfterSalesOptions>>().Value.Regions,
            []));
        return services;
    }
}
