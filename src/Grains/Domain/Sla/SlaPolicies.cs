using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Sla;

namespace AfterSales.Domain.Sla;

/// <summary>
/// Which rule of an SLA policy applies to a case. A rule matches when each criterion it names equals the case's (a
/// rule naming a contract tier never matches a case without a contract). Of the matching rules the most specific
/// wins: each named criterion scores priority 16, customer tier 8, contract tier 4, case type 2, department 1, and
/// the highest total wins. Rules name distinct criteria sets or differ in a value (duplicate keys are refused), and
/// every set scores differently, so at most one rule has the highest total.
/// </summary>
internal static class SlaPolicies
{
    public const int DefaultWarningPercent = SlaLimits.DefaultWarningPercent;

    /// <summary>The policy of a system whose policy was never replaced (version 0): one rule per priority, business
    /// time, the default warning point.</summary>
    public static SlaPolicy Default() => new(0,
    [
        Rule("urgent", CasePriority.Urgent, hours: (1, 4, 8)),
        Rule("high", CasePriority.High, hours: (4, 8, 24)),
        Rule("normal", CasePriority.Normal, hours: (8, 16, 40)),
        Rule("low", CasePriority.Low, hours: (16, 40, 80)),
    ], DefaultWarningPercent, null);

    /// <summary>The rule that applies to <paramref name="subject"/>, or null when none matches.</summary>
    public static SlaRule? Match(SlaPolicy policy, SlaCase subject)
    {
        SlaRule? best = null;
        var bestScore = -1;
        foreach (var rule in policy.Rules.IsDefault ? [] : policy.Rules)
        {
            if (Matches(rule, subject) && Specificity(rule) > bestScore)
            {
                best = rule;
                bestScore = Specificity(rule);
            }
        }
        return best;
    }

    /// <summary>The rule's score: the sum of the weights of the criteria it names.</summary>
    public static int Specificity(SlaRule rule) =>
        (rule.Priority is null ? 0 : 16) + (rule.CustomerTier is null ? 0 : 8) + (rule.ContractTier is null ? 0 : 4)
        + (rule.CaseType is null ? 0 : 2) + (rule.Department is null ? 0 : 1);

    /// <summary>The warning point of a rule: its own, or the policy's.</summary>
    public static int WarningPercentOf(SlaPolicy policy, SlaRule rule) => rule.WarningPercent ?? policy.WarningPercent;

    private static bool Matches(SlaRule rule, SlaCase subject) =>
        (rule.Priority is null || rule.Priority == subject.Priority)
        && (rule.CustomerTier is null || rule.CustomerTier == subject.CustomerTier)
        && (rule.ContractTier is null || rule.ContractTier == subject.ContractTier)
        && (rule.CaseType is null || rule.CaseType == subject.Type)
        && (rule.Department is null || rule.Department == subject.Department);

    private static SlaRule Rule(string id, CasePriority priority, (int FirstResponse, int NextUpdate, int Resolution) hours) =>
        new(id, priority, null, null, null, null,
            new SlaTarget(TimeSpan.FromHours(hours.FirstResponse), SlaClockMode.Business),
            new SlaTarget(TimeSpan.FromHours(hours.NextUpdate), SlaClockMode.Business),
            new SlaTarget(TimeSpan.FromHours(hours.Resolution), SlaClockMode.Business));

    /// <summary>The criteria of a rule as one comparable key (duplicates are refused).</summary>
    internal static (CasePriority?, global::AfterSales.Customers.CustomerTier?, global::AfterSales.Devices.ContractTier?, CaseType?, global::AfterSales.Common.Department?) KeyOf(SlaRule rule) =>
        (rule.Priority, rule.CustomerTier, rule.ContractTier, rule.CaseType, rule.Department);

    internal static ImmutableArray<SlaRule> OrEmpty(ImmutableArray<SlaRule> rules) => rules.IsDefault ? [] : rules;
}
