namespace AfterSales.Api.Hosting;

/// <summary>An example value of a request property, as JSON, published in the OpenAPI document (by
/// <see cref="SchemaRules"/>) so a reader sees what a valid value looks like.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ExampleAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}
