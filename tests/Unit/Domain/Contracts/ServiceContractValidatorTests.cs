using AfterSales.Contracts;
using AfterSales.Devices;
using AfterSales.Domain.Contracts;

namespace AfterSales.Tests.Unit.Domain.Contracts;

public sealed class ServiceContractValidatorTests
{
    private static readonly CreateServiceContractRequest Valid = new(
        "C-1", ContractTier.Standard, new ContractCoverage(true, true, false), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ["SN-1", "SN-2"], "sales-1");

    private static string[] Fields(CreateServiceContractRequest request) => [.. ServiceContractValidator.Validate(request).Select(e => e.Field)];

    [Fact]
    public void AValidContractAndAOneDayContractPass()
    {
        Assert.Empty(Fields(Valid));
        Assert.Empty(Fields(Valid with { End = Valid.Start }));
    }

    [Fact]
    public void AContractEndingBeforeItStartsIsRefusedOnEnd()
    {
        Assert.Equal(["end"], Fields(Valid with { End = Valid.Start.AddDays(-1) }));
    }

    [Fact]
    public void AContractOfMoreThanTwentyYearsIsRefusedOnEnd()
    {
        Assert.Equal(["end"], Fields(Valid with { End = Valid.Start.AddYears(20).AddDays(1) }));
        Assert.Empty(Fields(Valid with { End = Valid.Start.AddYears(20) }));
    }

    [Fact]
    public void DevicesAreRequiredDistinctAndNamedBySerial()
    {
        Assert.Equal(["deviceSerials"], Fields(Valid with { DeviceSerials = [] }));
        Assert.Equal(["deviceSerials[1]", "deviceSerials[2]"], Fields(Valid with { DeviceSerials = ["SN-1", "SN-1", "bad serial"] }));
    }

    [Fact]
    public void AnUnknownTierAMissingCoverageAndABlankCustomerAreRefused()
    {
        Assert.Equal(["customerId", "tier", "coverage"], Fields(Valid with { CustomerId = " ", Tier = (ContractTier)7, Coverage = null! }));
    }
}
