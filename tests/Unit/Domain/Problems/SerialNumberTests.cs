using AfterSales.Domain.Problems;

namespace AfterSales.Tests.Unit.Domain.Problems;

public sealed class SerialNumberTests
{
    [Theory]
    [InlineData("HX200-000123", "HX200-", 123)]
    [InlineData("SN42", "SN", 42)]
    [InlineData("000777", "", 777)]
    [InlineData("HX-2024-0001", "HX-2024-", 1)]
    public void ASerialIsItsPrefixAndItsTrailingNumber(string serial, string prefix, long number)
    {
        Assert.True(SerialNumber.TryParse(serial, out var parsed));

        Assert.Equal(new SerialNumber(serial, prefix, number), parsed);
    }

    [Theory]
    [InlineData("HX200-A")]
    [InlineData("ABC")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("SN-1234567890123456789")]
    [InlineData("SN-١٢٣")]
    public void ASerialWithoutAnAsciiNumberOfAtMostEighteenDigitsAtItsEndHasNoNumber(string? serial)
    {
        Assert.False(SerialNumber.TryParse(serial, out _));
    }

    [Fact]
    public void EighteenDigitsStillMakeANumber()
    {
        Assert.True(SerialNumber.TryParse("X999999999999999999", out var parsed));

        Assert.Equal(999_999_999_999_999_999, parsed.Number);
    }

    [Fact]
    public void PrefixesAreComparedWithoutRegardToCase()
    {
        Assert.True(SerialNumber.TryParse("hx200-000001", out var lower));
        Assert.True(SerialNumber.TryParse("HX200-000002", out var upper));
        Assert.True(SerialNumber.TryParse("HX201-000002", out var other));

        Assert.True(lower.SameSeries(upper));
        Assert.False(upper.SameSeries(other));
    }
}
