namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>The API as configured by its appsettings.json alone (regions east, west, north, south): what the
/// committed OpenAPI document and the client generated from it describe.</summary>
public sealed class DefaultConfigurationApiApplication : ApiApplication
{
    protected override bool SpareRegions => false;
}
