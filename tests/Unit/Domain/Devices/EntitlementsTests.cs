using AfterSales.Devices;
using AfterSales.Domain.Devices;

namespace AfterSales.Tests.Unit.Domain.Devices;

public sealed class EntitlementsTests
{
    private static readonly DateOnly Day = new(2026, 6, 15);
    private static readonly WarrantyTerm Warranty = new(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), WarrantyRule.Acceptance);
    private static readonly ContractCoverage All = new(true, true, true);
    private static readonly ContractCoverage PartsOnly = new(true, false, false);

    private static DeviceContract Contract(string id, ContractTier tier, string start = "2026-01-01", string end = "2026-12-31", ContractCoverage? coverage = null) =>
        new(id, tier, coverage ?? All, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void ADeviceWithinItsWarrantyAndWithoutContractsIsCoveredByTheWarranty()
    {
        var entitlement = Entitlements.On(Day, Warranty, []);

        Assert.Equal(new Entitlement(Day, true, Warranty.End, null, null, null), entitlement);
        Assert.True(entitlement.Covered);
    }

    [Fact]
    public void AnExpiredWarrantyWithoutContractIsFlaggedNotCovered()
    {
        var entitlement = Entitlements.On(new DateOnly(2028, 1, 1), Warranty, []);

        Assert.False(entitlement.Covered);
        Assert.Equal("not covered (warranty ended 2027-12-31)", Entitlements.Describe(entitlement));
    }

    [Fact]
    public void BothEndsOfTheWarrantyAndOfAContractAreInside()
    {
        Assert.True(Entitlements.On(Warranty.Start, Warranty, []).InWarranty);
        Assert.True(Entitlements.On(Warranty.End, Warranty, []).InWarranty);
        Assert.False(Entitlements.On(Warranty.Start.AddDays(-1), Warranty, []).InWarranty);
        Assert.Equal("SC-1", Entitlements.On(new DateOnly(2026, 12, 31), null, [Contract("SC-1", ContractTier.Basic)]).ContractId);
    }

    [Fact]
    public void OverlappingContractsGiveTheHighestTierInForce()
    {
        var contracts = new[]
        {
            Contract("SC-basic", ContractTier.Basic),
            Contract("SC-premium", ContractTier.Premium, coverage: PartsOnly),
            Contract("SC-standard", ContractTier.Standard),
        };

        var entitlement = Entitlements.On(Day, null, contracts);

        Assert.Equal(("SC-premium", ContractTier.Premium, PartsOnly), (entitlement.ContractId, entitlement.Tier, entitlement.Coverage));
        Assert.Equal("premium contract SC-premium (parts)", Entitlements.Describe(entitlement));
    }

    [Fact]
    public void AContractNotYetStartedOrAlreadyEndedDoesNotCount()
    {
        var contracts = new[]
        {
            Contract("SC-future", ContractTier.Premium, start: "2026-07-01", end: "2027-06-30"),
            Contract("SC-past", ContractTier.Premium, start: "2025-01-01", end: "2026-06-14"),
            Contract("SC-now", ContractTier.Basic),
        };

        Assert.Equal("SC-now", Entitlements.On(Day, null, contracts).ContractId);
        Assert.Null(Entitlements.On(Day, null, contracts[..2]).ContractId);
    }

    [Fact]
    public void AmongEqualTiersTheBroaderCoverageThenTheLongerRunThenTheLowerIdWins()
    {
        var broader = new[] { Contract("SC-a", ContractTier.Standard, coverage: PartsOnly), Contract("SC-b", ContractTier.Standard) };
        var longer = new[] { Contract("SC-a", ContractTier.Standard), Contract("SC-b", ContractTier.Standard, end: "2027-06-30") };
        var same = new[] { Contract("SC-b", ContractTier.Standard), Contract("SC-a", ContractTier.Standard) };

        Assert.Equal("SC-b", Entitlements.On(Day, null, broader).ContractId);
        Assert.Equal("SC-b", Entitlements.On(Day, null, longer).ContractId);
        Assert.Equal("SC-a", Entitlements.On(Day, null, same).ContractId);
        Assert.Equal("SC-a", Entitlements.On(Day, null, same.Reverse()).ContractId);
    }

    [Fact]
    public void WarrantyAndContractTogetherAreBothRecordedAndDescribed()
    {
        var entitlement = Entitlements.On(Day, Warranty, [Contract("SC-1", ContractTier.Standard, coverage: new(false, true, true))]);

        Assert.True(entitlement.InWarranty);
        Assert.Equal("in warranty until 2027-12-31; standard contract SC-1 (labour, on-site)", Entitlements.Describe(entitlement));
    }

    [Fact]
    public void ADeviceWithNoWarrantyYetAndNoContractIsNotCovered()
    {
        var entitlement = Entitlements.On(Day, null, []);

        Assert.Equal((false, null), (entitlement.Covered, entitlement.WarrantyEnd));
        Assert.Equal("not covered", Entitlements.Describe(entitlement));
    }
}
