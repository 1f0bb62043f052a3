using AfterSales.Api.Validation;
using AfterSales.Common;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;

namespace AfterSales.Api.Kpis;

/// <summary>Publishes what <see cref="KpiParameters"/> accepts: required RFC 3339 instants, the closed sets of
/// departments, regions and groupings.</summary>
internal static class KpiParameterRules
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var regions = context.ApplicationServices.GetRequiredService<InputRules>().Regions;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case "from":
                    parameter.Required = true;
                    parameter.Schema = Instant();
                    parameter.Description = "Start of the period, inclusive (RFC 3339 date-time with an offset).";
                    break;
                case "to":
                    parameter.Required = true;
                    parameter.Schema = Instant();
                    parameter.Description = $"End of the period, exclusive; after from and at most {KpiParameters.MaxDays} days later. "
                        + "The backlog is the cases open at this instant.";
                    break;
                case "department":
                    parameter.Schema = OneOf(DepartmentNames.All.Select(DepartmentNames.ToSlug));
                    parameter.Description = "Only cases of this department (slug).";
                    break;
                case "region":
                    parameter.Schema = OneOf(regions);
                    parameter.Description = "Only cases of this region.";
                    break;
                case "groupBy":
                    parameter.Schema = OneOf(KpiParameters.Groupings);
                    parameter.Description = "A series per UTC day, or per ISO week (Monday to Sunday, UTC).";
                    break;
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Instant() => new() { Type = JsonSchemaType.String, Format = "date-time", MaxLength = 40 };

    private static OpenApiSchema OneOf(IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))],
    };
}
