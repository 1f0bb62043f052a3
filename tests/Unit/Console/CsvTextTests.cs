using AfterSales.Console.Export;

namespace AfterSales.Tests.Unit.Console;

public sealed class CsvTextTests
{
    [Fact]
    public void StartsWithTheUtf8ByteOrderMarkAndEndsEveryLineWithCrLf()
    {
        var csv = CsvText.Write(["number", "subject"], [["AS-2026-000001", "锅炉压力下降"]]);
        Assert.Equal("\uFEFFnumber,subject\r\nAS-2026-000001,锅炉压力下降\r\n", csv);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("-1,5", "\"'-1,5\"")]
    [InlineData(null, "")]
    public void QuotesAsRfc4180AndDisarmsFormulas(string? value, string cell) => Assert.Equal(cell, CsvText.Cell(value));

    [Fact]
    public void AnApiCsvGetsOneByteOrderMark()
    {
        Assert.Equal("\uFEFFa\r\n", CsvText.WithByteOrderMark("a\r\n"));
        Assert.Equal("\uFEFFa\r\n", CsvText.WithByteOrderMark("\uFEFFa\r\n"));
    }
}
