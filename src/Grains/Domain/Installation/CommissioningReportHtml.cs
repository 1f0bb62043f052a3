using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using AfterSales.Installation;

namespace AfterSales.Domain.Installation;

/// <summary>The commissioning report as one self-contained, printable HTML page: inline styles (with print rules), no
/// scripts, no external resources; every text that came from a person or the catalogue is HTML-encoded, and photos are
/// plain links (their URLs are validated as http or https when recorded). Public: the API serves it.</summary>
public static class CommissioningReportHtml
{
    private const string Style = """
        body { font: 11pt/1.4 system-ui, "Segoe UI", Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
        h1 { font-size: 18pt; margin: 0 0 .25rem; } h2 { font-size: 13pt; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #999; }
        table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eee; } .pass { color: #0a6b2b; font-weight: 600; } .fail { color: #a00; font-weight: 600; } .none { color: #666; }
        .outcome { font-size: 14pt; padding: .4rem .8rem; border: 2px solid currentColor; display: inline-block; margin: .5rem 0; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; } dt { font-weight: 600; } dd { margin: 0; }
        .signature { margin-top: 2rem; display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; }
        .signature div { border-top: 1px solid #111; padding-top: .3rem; }
        @page { size: A4; margin: 15mm; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } a { color: inherit; } tr, .signature { break-inside: avoid; } }
        """;

    public static string Render(CommissioningReport report)
    {
        var html = new StringBuilder(4096);
        var outcome = report.Outcome == CommissioningVerdict.Pass ? "pass" : "fail";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Commissioning report ").Append(E(report.WorkOrderNumber)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n")
            .Append("<h1>Commissioning report</h1>\n")
            .Append("<p class=\"outcome ").Append(outcome).Append("\">").Append(report.Outcome == CommissioningVerdict.Pass ? "PASSED" : "FAILED")
            .Append("</p>\n<dl>\n");
        Term(html, "Work order", report.WorkOrderNumber);
        Term(html, "Device", $"{report.DeviceSerial} ({report.Model})");
        Term(html, "Customer", report.CustomerId);
        Term(html, "Site", report.Site ?? "—");
        Term(html, "Technician", report.TechnicianId);
        Term(html, "Submitted", $"{CommissioningTexts.Time(report.SubmittedAt)} by {report.SubmittedBy}");
        if (report.FaultCaseNumber is { } fault)
        {
            Term(html, "Fault case", fault);
        }
        html.Append("</dl>\n");

        Table(html, "Measurements", report.Measurements, ["Item", "Measured", "Expected", "Result", "Note and photos"], m =>
        [
            Item(m.ItemId, m.Text, m.Required),
            m.Value is { } value ? E(ExpectedRanges.Measured(value, m.Unit)) : "<span class=\"none\">not taken</span>",
            E(ExpectedRanges.Describe(m.Min, m.Max, m.Unit)),
            Result(m.Passed),
            Notes(m.Note, m.Photos),
        ]);
        Table(html, "Checks", report.Checks, ["Item", "Result", "Note and photos"], c =>
            [Item(c.ItemId, c.Text, c.Required), Result(c.Passed), Notes(c.Note, c.Photos)]);

        html.Append("<h2>Deviations</h2>\n");
        if (report.Deviations.IsDefaultOrEmpty)
        {
            html.Append("<p class=\"none\">None.</p>\n");
        }
        else
        {
            html.Append("<ul>\n");
            foreach (var d in report.Deviations)
            {
                html.Append("<li><strong>").Append(E(d.ItemId)).Append("</strong> (").Append(E(d.Text)).Append("): ").Append(E(d.Finding));
                if (!string.IsNullOrWhiteSpace(d.Note))
                {
                    html.Append(" — ").Append(E(d.Note));
                }
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
        }

        html.Append("<h2>Customer sign-off</h2>\n<div class=\"signature\">\n<div>")
            .Append(E(report.SignOff.Name)).Append("<br>signed at ").Append(E(CommissioningTexts.Time(report.SignOff.SignedAt)))
            .Append("</div>\n<div>Technician ").Append(E(report.TechnicianId)).Append("</div>\n</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A section with a table of <paramref name="rows"/>, each cell already HTML; "None." when there are none.</summary>
    private static void Table<T>(StringBuilder html, string heading, ImmutableArray<T> rows, string[] headers, Func<T, string[]> cells)
    {
        html.Append("<h2>").Append(heading).Append("</h2>\n");
        if (rows.IsDefaultOrEmpty)
        {
            html.Append("<p class=\"none\">None.</p>\n");
            return;
        }
        html.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(header).Append("</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in cells(row))
            {
                html.Append("<td>").Append(cell).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void Term(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(term).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    private static string Item(string id, string text, bool required) =>
        $"{E(text)}<br><small>{E(id)}{(required ? ", required" : "")}</small>";

    private static string Result(bool? passed) => passed switch
    {
        true => "<span class=\"pass\">pass</span>",
        false => "<span class=\"fail\">fail</span>",
        null => "<span class=\"none\">not answered</span>",
    };

    private static string Notes(string? note, ImmutableArray<string> photos)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(note))
        {
            text.Append(E(note).Replace("\n", "<br>", StringComparison.Ordinal));
        }
        var n = 0;
        foreach (var photo in photos.IsDefault ? [] : photos)
        {
            text.Append(text.Length > 0 ? "<br>" : "").Append("<a href=\"").Append(E(photo)).Append("\">photo ")
                .Append((++n).ToString(CultureInfo.InvariantCulture)).Append("</a>");
        }
        return text.ToString();
    }

    /// <summary>HTML-encodes text for element content and quoted attribute values (&lt; &gt; &amp; &quot; &#39;).</summary>
    private static string E(string value) => WebUtility.HtmlEncode(value);
}
