using System.Globalization;
using System.Text.Json.Nodes;
using AfterSales.Api.Validation;
using AfterSales.Cases;
using AfterSales.Common;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.CaseList;

/// <summary>Publishes what <see cref="CaseListParameters"/> accepts on the case-list routes: each filter as a
/// repeatable parameter of a closed set or an id pattern, the sorts, the cursor and the limit. Runs after the general
/// parameter rules, so its schemas win on these routes.</summary>
internal static class CaseListParameterRules
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not (nameof(CaseListApi.ListCases) or nameof(CaseListApi.ExportCases)))
        {
            return Task.CompletedTask;
        }
        var regions = context.ApplicationServices.GetRequiredService<InputRules>().Regions;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            (parameter.Schema, parameter.Description) = parameter.Name switch
            {
                "status" => (Many(OneOf(CaseListParameters.Names<CaseStatus>())), "Cases in any of these statuses."),
                "department" => (Many(OneOf(DepartmentNames.All.Select(DepartmentNames.ToSlug))), "Cases in any of these departments (slugs)."),
                "region" => (Many(OneOf(regions)), "Cases in any of these regions."),
                "priority" => (Many(OneOf(CaseListParameters.Names<CasePriority>())), "Cases of any of these priorities."),
                "assignee" => (Many(Id()), "Cases held (or last held) by any of these technicians."),
                "customer" => (Many(Id()), "Cases of any of these customers."),
                "sla" => (Many(OneOf(CaseListParameters.SlaStates)), "Cases in any of these SLA states (empty until an SLA feature fills the column)."),
                "text" => (new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = CaseListParameters.MaxText },
                    $"1 to {CaseListParameters.MaxWords} words separated by spaces; each must occur in the subject or the description (substring, any case)."),
                "sort" => (OneOf(CaseListParameters.Sorts, "-createdAt"), "The order; a leading - is descending. Ties are broken by case number."),
                "cursor" => (new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200, Pattern = "^[A-Za-z0-9_-]+$" },
                    "The cursor of the previous page's next link (same sort); left out, the first page."),
                "limit" => (new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1",
                    Maximum = CaseListParameters.MaxLimit.ToString(CultureInfo.InvariantCulture),
                    Default = JsonValue.Create(CaseListParameters.DefaultLimit),
                }, "How many cases at most."),
                _ => (parameter.Schema, parameter.Description),
            };
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Many(OpenApiSchema item) =>
        new() { Type = JsonSchemaType.Array, Items = item, MaxItems = CaseListParameters.MaxValues };

    private static OpenApiSchema Id() =>
        new() { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Limits.Identifier, Pattern = Limits.IdentifierPattern };

    private static OpenApiSchema OneOf(IEnumerable<string> values, string? @default = null) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))],
        Default = @default is null ? null : JsonValue.Create(@default),
    };
}
