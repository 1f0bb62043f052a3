using AfterSales.Cases;
using AfterSales.Customers;
using AfterSales.Domain;
using AfterSales.Domain.Sla;
using AfterSales.Sla;

namespace AfterSales.Tests.Unit.Domain.Sla;

public sealed class SlaPolicyValidatorTests
{
    private static readonly SlaTarget Hour = new(TimeSpan.FromHours(1), SlaClockMode.Business);

    private static SlaRule Rule(string id, CasePriority? priority = null, CustomerTier? customer = null) =>
        new(id, priority, customer, null, null, null, Hour, Hour, Hour);

    private static FieldError? FirstError(params SlaRule[] rules) =>
        SlaPolicyValidator.Validate(new ReplaceSlaPolicyRequest([.. rules], 75)).FirstOrDefault();

    [Fact]
    public void AValidPolicyHasNoErrors()
    {
        Assert.Null(FirstError(Rule("a", CasePriority.Urgent), Rule("b", CasePriority.Urgent, CustomerTier.Gold), Rule("c")));
    }

    [Fact]
    public void TwoRulesMatchingTheSameCasesAreRefused()
    {
        var error = FirstError(Rule("a", CasePriority.Urgent, CustomerTier.Gold), Rule("b", CasePriority.Urgent, CustomerTier.Gold));

        Assert.Equal("rules[1]", error?.Field);
        Assert.Contains("same cases as rule 'a'", error!.Message);
    }

    [Fact]
    public void ADuplicateIdIsRefused()
    {
        Assert.Equal("rules[1].id", FirstError(Rule("a", CasePriority.Urgent), Rule("a", CasePriority.Low))?.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void AZeroOrNegativeTargetIsRefused(int minutes)
    {
        var rule = Rule("a") with { Resolution = new SlaTarget(TimeSpan.FromMinutes(minutes), SlaClockMode.Calendar) };

        Assert.Equal("rules[0].resolution.duration", FirstError(rule)?.Field);
    }

    [Fact]
    public void UnknownEnumValuesAreRefusedAtTheirPath()
    {
        Assert.Equal("rules[0].priority", FirstError(Rule("a", (CasePriority)9))?.Field);
        Assert.Equal("rules[0].nextUpdate.clock", FirstError(Rule("a") with { NextUpdate = new SlaTarget(TimeSpan.FromHours(1), (SlaClockMode)5) })?.Field);
    }

    [Fact]
    public void AWarningPointOutsideOneTo99PercentIsRefused()
    {
        Assert.Equal("warningPercent", SlaPolicyValidator.Validate(new ReplaceSlaPolicyRequest([Rule("a")], 100)).First().Field);
        Assert.Equal("rules[0].warningPercent", FirstError(Rule("a") with { WarningPercent = 0 })?.Field);
    }
}
