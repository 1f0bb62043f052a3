using AfterSales.Domain.Installation;
using AfterSales.Installation;

namespace AfterSales.Tests.Unit.Domain.Installation;

public sealed class CommissioningReportHtmlTests
{
    private static CommissioningReport Report(string note = "All good.", string signer = "Wang Fang", string site = "Plant 3, Hall B") => new(
        "AS-2026-000042", "SN-1", "HX-200", "C-1", site, "T-7",
        new CustomerSignOff(signer, new DateTimeOffset(2026, 5, 2, 14, 30, 0, TimeSpan.FromHours(8))),
        CommissioningVerdict.Fail,
        [new ReportCheck("grounding", "Protective earth connected", true, false, note, ["https://photos.example.com/1.jpg?a=1&b=2"])],
        [new ReportMeasurement("supply-voltage", "Supply voltage", true, 251m, "V", 200m, 240m, false, "Grid runs high.", [])],
        [new ReportDeviation("supply-voltage", "Supply voltage", "251 V, expected 200 to 240 V", "Grid runs high.")],
        new DateTimeOffset(2026, 5, 2, 6, 45, 0, TimeSpan.Zero), "T-7", "AS-2026-000043", Completed: true);

    [Fact]
    public void AScriptInANoteIsEncodedAndNeverReachesThePageAsMarkup()
    {
        var html = CommissioningReportHtml.Render(Report(note: "<script>alert('x')</script>"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotesAndAmpersandsOfPeopleAndPlacesAreEncodedAndUrlsStayInsideTheirAttribute()
    {
        var html = CommissioningReportHtml.Render(Report(signer: "O\"Brien & <b>Sons</b>", site: "\"><img src=x onerror=alert(1)>"));

        Assert.Contains("O&quot;Brien &amp; &lt;b&gt;Sons&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://photos.example.com/1.jpg?a=1&amp;b=2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageIsSelfContainedAndPrintableWithTheOutcomeMeasurementsDeviationsAndSignOff()
    {
        var html = CommissioningReportHtml.Render(Report());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Contains("FAILED", html, StringComparison.Ordinal);
        Assert.Contains("251 V", html, StringComparison.Ordinal);
        Assert.Contains("200 to 240 V", html, StringComparison.Ordinal);
        Assert.Contains("Wang Fang", html, StringComparison.Ordinal);
        Assert.Contains("2026-05-02 14:30 +08:00", html, StringComparison.Ordinal);
        Assert.Contains("AS-2026-000043", html, StringComparison.Ordinal);
    }
}
