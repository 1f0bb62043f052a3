using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Routing;
using AfterSales.Api.Validation;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Sla;

namespace AfterSales.Api.Sla;

/// <summary>The whole SLA policy, replacing the current one (one document, so a set of rules and their precedence
/// change together under one ETag). Open cases keep the targets they have until their priority, type, department or
/// region changes.</summary>
/// <param name="WarningPercent">The warning point of rules that name none: 1-99 % of a target.</param>
/// <param name="Rules">At most 500 rules; ids unique, and no two rules with the same criteria.</param>
public sealed record SlaPolicyRequest(
    [property: Required, Range(SlaLimits.MinWarningPercent, SlaLimits.MaxWarningPercent)] int? WarningPercent,
    [property: Required, MaxLength(SlaLimits.MaxRules)] IReadOnlyList<SlaRuleRequest>? Rules)
{
    internal ReplaceSlaPolicyRequest? ToContract(ValidationErrors errors)
    {
        var warning = errors.RequiredValue("warningPercent", WarningPercent);
        var rules = errors.RequiredList("rules", Rules, (rule, at) => rule.ToContract(errors, at));
        return errors.HasErrors ? null : new ReplaceSlaPolicyRequest(rules!.Value, warning!.Value);
    }
}

/// <summary>A rule: the cases it matches (a criterion left out matches any case; <c>contractTier</c> matches only
/// cases whose device has a contract of that tier) and their targets. The most specific matching rule wins:
/// priority 16, customer tier 8, contract tier 4, case type 2, department 1 — the highest sum.</summary>
/// <param name="Id">Unique within the policy (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="WarningPercent">This rule's warning point (1-99 %); left out: the policy's.</param>
public sealed record SlaRuleRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? Id,
    [property: Required] SlaTargetRequest? FirstResponse,
    [property: Required] SlaTargetRequest? NextUpdate,
    [property: Required] SlaTargetRequest? Resolution,
    CasePriority? Priority = null,
    CustomerTier? CustomerTier = null,
    ContractTier? ContractTier = null,
    CaseType? CaseType = null,
    Department? Department = null,
    [property: Range(SlaLimits.MinWarningPercent, SlaLimits.MaxWarningPercent)] int? WarningPercent = null)
{
    internal SlaRule? ToContract(ValidationErrors errors, string path)
    {
        var id = errors.RequiredIdentifier($"{path}.id", Id);
        var firstResponse = errors.Present($"{path}.firstResponse", FirstResponse)?.ToContract(errors, $"{path}.firstResponse");
        var nextUpdate = errors.Present($"{path}.nextUpdate", NextUpdate)?.ToContract(errors, $"{path}.nextUpdate");
        var resolution = errors.Present($"{path}.resolution", Resolution)?.ToContract(errors, $"{path}.resolution");
        return id is null || firstResponse is null || nextUpdate is null || resolution is null
            ? null
            : new SlaRule(id, Priority, CustomerTier, ContractTier, CaseType, Department, firstResponse, nextUpdate, resolution, WarningPercent);
    }
}

/// <summary>How long something may take, and how the time counts.</summary>
/// <param name="Duration">1 minute to 365 days, <c>[d.]hh:mm:ss</c>; in business time a day is a day of working hours
/// counted as 24 of them, so write 16 working hours as <c>16:00:00</c>, not <c>2.00:00:00</c>.</param>
/// <param name="Clock"><c>business</c>: only the working hours of the case region's calendar count;
/// <c>calendar</c>: every hour counts.</param>
public sealed record SlaTargetRequest(
    [property: Required] TimeSpan? Duration,
    [property: Required] SlaClockMode? Clock)
{
    internal SlaTarget? ToContract(ValidationErrors errors, string path)
    {
        var duration = errors.RequiredValue($"{path}.duration", Duration);
        var clock = errors.RequiredValue($"{path}.clock", Clock);
        return duration is null || clock is null ? null : new SlaTarget(duration.Value, clock.Value);
    }
}
