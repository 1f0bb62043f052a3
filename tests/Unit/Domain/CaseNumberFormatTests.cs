using AfterSales.Domain;

namespace AfterSales.Tests.Unit.Domain;

public sealed class CaseNumberFormatTests
{
    [Theory]
    [InlineData("AS", 2026, 123, "AS-2026-000123")]
    [InlineData("AS", 2026, 1, "AS-2026-000001")]
    [InlineData("SVC", 2027, 999_999, "SVC-2027-999999")]
    [InlineData("AS", 2026, 1_234_567, "AS-2026-1234567")]
    public void NumbersArePrefixYearAndASixDigitSequence(string prefix, int year, long sequence, string expected)
    {
        Assert.Equal(expected, CaseNumberFormat.Format(prefix, year, sequence));
    }

    [Fact]
    public void SequencesStartAtOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseNumberFormat.Format("AS", 2026, 0));
    }
}
