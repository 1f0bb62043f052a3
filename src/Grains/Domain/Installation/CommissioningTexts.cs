using System.Globalization;
using System.Text;
using AfterSales.Common;
using AfterSales.Installation;

namespace AfterSales.Domain.Installation;

/// <summary>The words a commissioning leaves on its cases: the work order's resolution summary, and the subject and
/// description of a failed commissioning's fault case — each within its field's limit.</summary>
internal static class CommissioningTexts
{
    public static string Resolution(CommissioningReport report)
    {
        var answered = report.Checks.Count(c => c.Passed is not null) + report.Measurements.Count(m => m.Passed is not null);
        var signed = $"signed off by {report.SignOff.Name} at {Time(report.SignOff.SignedAt)}";
        var text = report.Outcome == CommissioningVerdict.Pass
            ? $"Commissioning passed: all {answered} answered items passed; {signed}."
            : $"Commissioning failed: {Count(report.Deviations.Length, "deviation")} ({Findings(report)}); {signed}; "
                + $"fault case {report.FaultCaseNumber} opened for technical support.";
        return Cut(text, FieldLimits.Summary);
    }

    public static string FaultSubject(CommissioningReport report) =>
        Cut($"Commissioning of {report.Model} {report.DeviceSerial} failed", FieldLimits.Subject);

    public static string FaultDescription(CommissioningReport report)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Work order {report.WorkOrderNumber} failed commissioning on {Time(report.SubmittedAt)} ")
            .Append(CultureInfo.InvariantCulture, $"(technician {report.TechnicianId}). Deviations:");
        foreach (var deviation in report.Deviations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {deviation.ItemId} ({deviation.Text}): {deviation.Finding}");
            if (!string.IsNullOrWhiteSpace(deviation.Note))
            {
                text.Append(CultureInfo.InvariantCulture, $" — {deviation.Note}");
            }
        }
        return Cut(text.ToString(), FieldLimits.Description);
    }

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Findings(CommissioningReport report) =>
        string.Join("; ", report.Deviations.Take(5).Select(d => $"{d.ItemId}: {d.Finding}"))
        + (report.Deviations.Length > 5 ? $"; and {report.Deviations.Length - 5} more" : "");

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
