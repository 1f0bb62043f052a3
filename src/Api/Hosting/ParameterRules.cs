using System.Globalization;
using System.Text.Json.Nodes;
using AfterSales.Api.Cases;
using AfterSales.Api.Complaints;
using AfterSales.Api.Faults;
using AfterSales.Api.Http;
using AfterSales.Api.Maintenance;
using AfterSales.Api.Models;
using AfterSales.Api.Validation;
using AfterSales.Api.Webhooks;
using AfterSales.Common;
using AfterSales.Webhooks;
using AfterSales.Complaints;
using AfterSales.Domain.Surveys;
using AfterSales.Models;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Hosting;

/// <summary>Publishes the rules the API enforces on route values, query values and its own headers, which handlers
/// bind as plain strings: identifier patterns, the closed sets of departments and regions, header formats.</summary>
internal static class ParameterRules
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var regions = context.ApplicationServices.GetRequiredService<InputRules>().Regions;
        var route = context.Description.RelativePath ?? "";
        var modelList = route == "api/models";
        var problemList = route == "api/problems";
        var overdueList = route == "api/maintenance/overdue";
        var complaintList = route == ComplaintsApi.TechnicianComplaintsRoute;
        var surveyResults = route == "api/surveys/results";
        var deliveryLog = route == WebhooksApi.DeliveriesRoute;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (string.IsNullOrEmpty(parameter.Description) && Describe(parameter, route) is { } description)
            {
                parameter.Description = description;
            }
            switch (parameter.In, parameter.Name)
            {
                case (ParameterLocation.Path, "id" or "serial" or "number" or "code" or "faultCode" or "planId"):
                    parameter.Schema = Text(1, Limits.Identifier, Limits.IdentifierPattern);
                    break;
                case (ParameterLocation.Path, "department"):
                    parameter.Schema = OneOf(DepartmentNames.All.Select(DepartmentNames.ToSlug));
                    break;
                case (ParameterLocation.Path, "region"):
                    parameter.Schema = OneOf(regions);
                    break;
                case (ParameterLocation.Query, "region") when overdueList:
                    parameter.Schema = OneOf(regions);
                    break;
                case (ParameterLocation.Query, "department") when overdueList:
                    parameter.Schema = OneOf(DepartmentNames.All.Select(DepartmentNames.ToSlug));
                    break;
                case (ParameterLocation.Query, "limit") when overdueList:
                    parameter.Schema = Whole(1, MaintenanceApi.MaxOverdueLimit, MaintenanceApi.DefaultOverdueLimit);
                    break;
                case (ParameterLocation.Query, "limit") when complaintList:
                    parameter.Schema = Whole(1, ComplaintLimits.PageMax, ComplaintsApi.DefaultListLimit);
                    break;
                case (ParameterLocation.Query, "status") when complaintList:
                    parameter.Schema = OneOf(ComplaintsApi.ListStatuses);
                    break;
                case (ParameterLocation.Path, "token"):
                    parameter.Schema = Text(SurveyTokens.Length, SurveyTokens.Length, SurveyTokens.Pattern);
                    break;
                case (ParameterLocation.Query, "region") when surveyResults:
                    parameter.Schema = OneOf(regions);
                    break;
                case (ParameterLocation.Query, "department") when surveyResults:
                    parameter.Schema = OneOf(DepartmentNames.All.Select(DepartmentNames.ToSlug));
                    break;
                case (ParameterLocation.Query, "technician") when surveyResults:
                    parameter.Schema = Text(1, Limits.Identifier, Limits.IdentifierPattern);
                    break;
                case (ParameterLocation.Query, "from" or "to") when surveyResults:
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" };
                    break;
                case (ParameterLocation.Query, "phone"):
                    parameter.Required = true;
                    parameter.Schema = Text(1, Limits.PhoneInput);
                    break;
                case (ParameterLocation.Query, "limit") when problemList:
                    parameter.Schema = Whole(1, FaultsApi.MaxPageSize, FaultsApi.DefaultPageSize);
                    break;
                case (ParameterLocation.Query, "after") when modelList || problemList:
                    parameter.Schema = Text(1, Limits.Identifier, Limits.IdentifierPattern);
                    break;
                case (ParameterLocation.Query, "limit") when modelList:
                    parameter.Schema = Whole(1, ProductModelLimits.PageMax, ModelsApi.DefaultPageSize);
                    break;
                case (ParameterLocation.Query, "after") when deliveryLog:
                    parameter.Schema = Text(WebhooksApi.LogIdLength, WebhooksApi.LogIdLength, WebhooksApi.LogIdPattern);
                    break;
                case (ParameterLocation.Query, "limit") when deliveryLog:
                    parameter.Schema = Whole(1, WebhookLimits.LogPageMax, WebhooksApi.DefaultLogLimit);
                    break;
                case (ParameterLocation.Path, "eventId"):
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
                    break;
                case (ParameterLocation.Query, "after"):
                    parameter.Schema = Whole(0, int.MaxValue, 0);
                    break;
                case (ParameterLocation.Query, "limit"):
                    parameter.Schema = Whole(1, CaseHistoryQuery.MaxLimit, CaseHistoryQuery.DefaultLimit);
                    break;
                case (ParameterLocation.Header, ApiHeaders.IdempotencyKey):
                    parameter.Schema = Text(1, Limits.IdempotencyKey, Limits.IdempotencyKeyPattern);
                    break;
                case (ParameterLocation.Header, ApiHeaders.Actor):
                    parameter.Schema = Text(1, 64, Limits.ActorPattern);
                    break;
                case (ParameterLocation.Header, ApiHeaders.IfMatch or ApiHeaders.IfNoneMatch):
                    parameter.Schema = Text(1, null, EntityTagList.Pattern);
                    break;
            }
        }
        return Task.CompletedTask;
    }

    private static string? Describe(OpenApiParameter parameter, string route) => parameter.Name switch
    {
        "id" when route.StartsWith("api/complaints", StringComparison.Ordinal) => "The complaint id, e.g. CMP-2026-000123.",
        "id" when route.Contains("customers", StringComparison.Ordinal) => "The customer id, e.g. C-10042.",
        "id" when route.Contains("technicians", StringComparison.Ordinal) => "The technician id, e.g. T-7.",
        "id" when route.Contains("contracts", StringComparison.Ordinal) => "The service contract id, e.g. SC-0193d5a0c2f47b1e9a3c5d7e9f1a2b3c.",
        "id" when route.StartsWith("api/webhooks", StringComparison.Ordinal) => "The subscription id, e.g. wh-0193d5a0c2f47b1e9a3c5d7e9f1a2b3c.",
        "id" => "The skill rule id.",
        "eventId" => "The id of the dead-lettered event (its X-AfterSales-Event-Id).",
        "after" when route == WebhooksApi.DeliveriesRoute => "The id of the last entry read; left out, the log starts at its oldest entry.",
        "limit" when route == WebhooksApi.DeliveriesRoute => "How many entries at most.",
        "serial" => "The device's serial number.",
        "code" => "The product model's code, e.g. HX-200.",
        "faultCode" => "One of the model's fault codes, e.g. E42 (compared regardless of case).",
        "after" when route == "api/problems" => "The problem number to continue after (the last one read); left out, the list starts at the first problem.",
        "limit" when route == "api/problems" => "How many problems at most.",
        "after" when route == "api/models" => "The model code to continue after (the last one read); left out, the list starts at the first code.",
        "limit" when route == "api/models" => "How many models at most.",
        "number" => "The case number, e.g. AS-2026-000123.",
        "planId" => "The plan's id, e.g. annual-service.",
        "region" when route == "api/maintenance/overdue" => "One of the configured regions; left out, every region.",
        "department" when route == "api/maintenance/overdue" => "The department the work orders are in now, by its slug; left out, every department.",
        "limit" when route == "api/maintenance/overdue" => "How many work orders at most.",
        "limit" when route == ComplaintsApi.TechnicianComplaintsRoute => "How many complaints at most, newest first.",
        "status" when route == ComplaintsApi.TechnicianComplaintsRoute => "open: only the complaints not closed yet; all (the default): every one.",
        "token" => "The survey's token, from its link: 32 characters of A-Z, a-z, 0-9, - and _.",
        "technician" when route == "api/surveys/results" => "A technician's results (alone).",
        "department" when route == "api/surveys/results" => "A department's results in the region given, by its slug.",
        "region" when route == "api/surveys/results" => "A region's results, or with department that department's in it.",
        "from" when route == "api/surveys/results" => "The first day (yyyy-MM-dd); default: 29 days before to.",
        "to" when route == "api/surveys/results" => "The last day (yyyy-MM-dd); default: today (UTC).",
        "department" => "The department, by its slug.",
        "region" => "One of the configured regions.",
        "after" => "The sequence number to continue after (the last one read); 0 starts at the first event.",
        "limit" => "How many events at most.",
        "phone" => "A phone number as people type it; numbers without a country code are read in the configured default region.",
        _ => null,
    };

    private static OpenApiSchema Text(int minLength, int? maxLength, string? pattern = null) =>
        new() { Type = JsonSchemaType.String, MinLength = minLength, MaxLength = maxLength, Pattern = pattern };

    private static OpenApiSchema Whole(int minimum, int maximum, int @default) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(@default),
    };

    private static OpenApiSchema OneOf(IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))] };
}
