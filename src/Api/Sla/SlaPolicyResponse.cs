using AfterSales.Api.Hosting;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Sla;

namespace AfterSales.Api.Sla;

/// <summary>The SLA policy. <paramref name="Version"/> is also the <c>ETag</c>; version 0 is the default policy (one
/// rule per priority, business time, warning at 75 %).</summary>
/// <param name="UpdatedAt">When the policy was last replaced; null for the default.</param>
public sealed record SlaPolicyResponse(int Version, int WarningPercent, IReadOnlyList<SlaRuleResponse> Rules, DateTimeOffset? UpdatedAt)
{
    internal static SlaPolicyResponse From(SlaPolicy policy) =>
        new(policy.Version, policy.WarningPercent, [.. policy.Rules.OrEmpty().Select(SlaRuleResponse.From)], policy.UpdatedAt);
}

/// <summary>A rule of the SLA policy; a criterion that is null matches any case.</summary>
public sealed record SlaRuleResponse(
    string Id,
    CasePriority? Priority,
    CustomerTier? CustomerTier,
    ContractTier? ContractTier,
    CaseType? CaseType,
    Department? Department,
    SlaTarget FirstResponse,
    SlaTarget NextUpdate,
    SlaTarget Resolution,
    int? WarningPercent)
{
    internal static SlaRuleResponse From(SlaRule rule) => new(rule.Id, rule.Priority, rule.CustomerTier, rule.ContractTier,
        rule.CaseType, rule.Department, rule.FirstResponse, rule.NextUpdate, rule.Resolution, rule.WarningPercent);
}
