using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Domain.Sla;
using AfterSales.Sla;

namespace AfterSales.Tests.Unit.Domain.Sla;

public sealed class SlaPoliciesTests
{
    private static readonly SlaTarget Hour = new(TimeSpan.FromHours(1), SlaClockMode.Business);

    private static SlaRule Rule(string id, CasePriority? priority = null, CustomerTier? customer = null, ContractTier? contract = null,
        CaseType? type = null, Department? department = null) => new(id, priority, customer, contract, type, department, Hour, Hour, Hour);

    private static SlaPolicy Policy(params SlaRule[] rules) => new(1, [.. rules], 75, DateTimeOffset.UnixEpoch);

    private static readonly SlaCase UrgentGoldPremiumFault =
        new(CasePriority.Urgent, CustomerTier.Gold, ContractTier.Premium, CaseType.Fault, Department.Maintenance);

    [Fact]
    public void TheMostSpecificMatchingRuleWins()
    {
        var policy = Policy(Rule("any"), Rule("urgent", CasePriority.Urgent), Rule("urgent-gold", CasePriority.Urgent, CustomerTier.Gold),
            Rule("urgent-platinum", CasePriority.Urgent, CustomerTier.Platinum));

        Assert.Equal("urgent-gold", SlaPolicies.Match(policy, UrgentGoldPremiumFault)?.Id);
    }

    [Fact]
    public void PriorityOutweighsEveryLesserCriterionTogether()
    {
        var policy = Policy(Rule("urgent", CasePriority.Urgent),
            Rule("gold-premium-fault-repair", null, CustomerTier.Gold, ContractTier.Premium, CaseType.Fault, Department.Maintenance));

        Assert.Equal("urgent", SlaPolicies.Match(policy, UrgentGoldPremiumFault)?.Id);
        Assert.Equal(16, SlaPolicies.Specificity(Rule("u", CasePriority.Urgent)));
        Assert.Equal(15, SlaPolicies.Specificity(policy.Rules[1]));
    }

    [Fact]
    public void ARuleNamingAContractTierSkipsACaseWithoutAContract()
    {
        var policy = Policy(Rule("premium", contract: ContractTier.Premium), Rule("fault", type: CaseType.Fault));

        Assert.Equal("fault", SlaPolicies.Match(policy, UrgentGoldPremiumFault with { ContractTier = null })?.Id);
        Assert.Equal("premium", SlaPolicies.Match(policy, UrgentGoldPremiumFault)?.Id);
    }

    [Fact]
    public void NoMatchingRuleMeansNoTargets()
    {
        Assert.Null(SlaPolicies.Match(Policy(Rule("low", CasePriority.Low)), UrgentGoldPremiumFault));
    }

    [Fact]
    public void TheDefaultPolicyCoversEveryPriorityInBusinessTime()
    {
        var policy = SlaPolicies.Default();

        foreach (var priority in Enum.GetValues<CasePriority>())
        {
            var rule = SlaPolicies.Match(policy, UrgentGoldPremiumFault with { Priority = priority });
            Assert.NotNull(rule);
            Assert.Equal(SlaClockMode.Business, rule.Resolution.Clock);
        }
        Assert.Equal(TimeSpan.FromHours(1), SlaPolicies.Match(policy, UrgentGoldPremiumFault)!.FirstResponse.Duration);
        Assert.Equal(75, policy.WarningPercent);
    }
}
