using AfterSales.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Tests.Api;

/// <summary>Telemetry and dashboard settings: what starts, what is refused, and what never reaches a span.</summary>
public sealed class TelemetrySettingsTests
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public void TheDashboardIsOnInDevelopmentAndOptInElsewhere(string environment, string? enabled, bool expected)
    {
        var settings = new Dictionary<string, string?>();
        if (enabled is not null)
        {
            settings["AfterSales:Dashboard:Enabled"] = enabled;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var dashboard = DashboardSettings.Read(configuration, new Environment(environment));

        Assert.Equal(expected, dashboard.IsEnabled);
        Assert.False(dashboard.ShowTrace);
    }

    [Fact]
    public void DefaultTelemetrySettingsAreValid()
    {
        Assert.True(new TelemetryOptionsValidator().Validate(null, new TelemetryOptions()).Succeeded);
    }

    [Theory]
    [InlineData("OtlpEndpoint", "otel-collector:4317")]
    [InlineData("OtlpEndpoint", "ftp://collector")]
    [InlineData("TraceSamplingRatio", "1.5")]
    [InlineData("PrometheusPort", "0")]
    [InlineData("ServiceName", " ")]
    public void ASettingThatCannotWorkIsRefusedByName(string key, string value)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build().Get<TelemetryOptions>()!;

        var result = new TelemetryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"{TelemetryOptions.SectionName}:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phoneindex/+8613912345678", "phoneindex/redacted")]
    [InlineData("phoneindex/%2B8613912345678", "phoneindex/redacted")]
    [InlineData("someindex/wang.fang@example.com", "someindex/redacted")]
    [InlineData("[GrainAddress GrainId phoneindex/+8613912345678, ActivationId: @74c6]", "[GrainAddress GrainId phoneindex/redacted, ActivationId: @74c6]")]
    public void APhoneNumberOrEmailInATagIsRedacted(string tag, string expected)
    {
        Assert.Equal(expected, PersonalDataRedactor.Redact(tag));
    }

    [Theory]
    [InlineData("customer/C-10042")]
    [InlineData("device/12345678")]
    [InlineData("case/AS-2026-000123")]
    [InlineData("department/maintenance/east")]
    [InlineData("sys.client/hosted-127.0.0.1:42479@155108380")]
    [InlineData("S127.0.0.1:42479:155108380")]
    public void AnIdIsLeftAlone(string tag)
    {
        Assert.Null(PersonalDataRedactor.Redact(tag));
    }

    [Fact]
    public void EveryQueryValueIsRedactedAndTheNamesKept()
    {
        Assert.Equal("?phone=redacted&limit=redacted", PersonalDataRedactor.RedactQuery("?phone=%2B8613912345678&limit=5"));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
