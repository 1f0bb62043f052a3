namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>The tests that need the API as its appsettings.json configures it: one app for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultConfigurationCollection : ICollectionFixture<DefaultConfigurationApiApplication>
{
    public const string Name = "default-configuration";
}
