using Microsoft.Extensions.Options;

namespace AfterSales.Silo.Telemetry;

/// <summary>Refuses to start with telemetry settings that cannot work, naming the setting to fix.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        if (options.OtlpEndpoint is { Length: > 0 } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            failures.Add($"{TelemetryOptions.SectionName}:OtlpEndpoint must be an absolute http(s) URL such as http://otel-collector:4317.");
        }
        if (options.OtlpProtocol is { } protocol && !Enum.IsDefined(protocol))
        {
            failures.Add($"{TelemetryOptions.SectionName}:OtlpProtocol must be Grpc or HttpProtobuf.");
        }
        if (double.IsNaN(options.TraceSamplingRatio) || options.TraceSamplingRatio is < 0 or > 1)
        {
            failures.Add($"{TelemetryOptions.SectionName}:TraceSamplingRatio must be between 0 and 1.");
        }
        if (options.PrometheusPort is { } port and (< 1 or > 65535))
        {
            failures.Add($"{TelemetryOptions.SectionName}:PrometheusPort must be a TCP port (1-65535).");
        }
        if (options.ServiceName is { } service && string.IsNullOrWhiteSpace(service))
        {
            failures.Add($"{TelemetryOptions.SectionName}:ServiceName must not be blank.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
