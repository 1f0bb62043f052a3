using System.Net;
using Microsoft.Extensions.Options;

namespace AfterSales.Silo.Hosting;

/// <summary>Refuses to start with a hosting configuration that cannot work, naming the setting to fix.</summary>
public sealed class HostingOptionsValidator : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"{HostingOptions.SectionName}:Mode must be Embedded, Cluster or Client.");
        }
        if (options.Mode == HostingMode.Embedded && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{HostingOptions.SectionName}:DataDirectory must name a folder in Embedded mode.");
        }
        if (options.Mode != HostingMode.Client)
        {
            CheckPort(options.SiloPort, "SiloPort", failures);
            CheckPort(options.GatewayPort, "GatewayPort", failures);
            if (options.SiloPort == options.GatewayPort)
            {
                failures.Add($"{HostingOptions.SectionName}:SiloPort and GatewayPort must differ.");
            }
        }
        if (options.AdvertisedAddress is { Length: > 0 } address && !IPAddress.TryParse(address, out _))
        {
            failures.Add($"{HostingOptions.SectionName}:AdvertisedAddress must be an IP address.");
        }
        if (options.Kubernetes && options.Mode != HostingMode.Cluster)
        {
            failures.Add($"{HostingOptions.SectionName}:Kubernetes applies to silos only: set it with Mode Cluster.");
        }
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add($"{HostingOptions.SectionName}:ClusterId must not be empty.");
        }
        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{HostingOptions.SectionName}:ServiceId must not be empty.");
        }
        if (options.Mode == HostingMode.Cluster)
        {
            failures.AddRange((options.Membership ?? new()).Validate($"{HostingOptions.SectionName}:Membership"));
        }
        if (options.Mode == HostingMode.Client)
        {
            failures.AddRange((options.Client ?? new()).Validate($"{HostingOptions.SectionName}:Client"));
        }
        if (options.ShutdownTimeout < TimeSpan.FromSeconds(1) || options.ShutdownTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{HostingOptions.SectionName}:ShutdownTimeout must be between 00:00:01 and 00:10:00.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPort(int port, string key, List<string> failures)
    {
        if (port is < 1 or > 65535)
        {
            failures.Add($"{HostingOptions.SectionName}:{key} must be a TCP port (1-65535).");
        }
    }
}
