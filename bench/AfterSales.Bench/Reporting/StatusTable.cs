using System.Text;
using static AfterSales.Bench.Reporting.Text;

namespace AfterSales.Bench.Reporting;

/// <summary>The status against every target: for each, the last run in the log that checked it, with the plaintext
/// ceiling and load average of that same run and the command that repeats it.</summary>
internal static class StatusTable
{
    public static string Render(IReadOnlyList<RunRecord> runs, IReadOnlyList<TargetDefinition> targets)
    {
        var text = new StringBuilder();
        text.Append("| target | last measured | met | date (UTC) | load avg before → after | ceiling (GET /ping) | command |\n");
        text.Append("|---|---|---|---|---|---|---|\n");
        foreach (var target in targets)
        {
            var last = runs.Where(r => r.Checks.Any(c => c.Id == target.Id)).MaxBy(r => r.Date);
            if (last is null)
            {
                text.Append(Invariant($"| {Cell(target.Text)} | not measured yet | – | – | – | – | – |\n"));
                continue;
            }
            var check = last.Checks.Last(c => c.Id == target.Id);
            var ceiling = last.CeilingRequestsPerSecond is { } rate ? Invariant($"{rate:N0} req/s") : "– (in-process)";
            text.Append(Invariant(
                $"| {Cell(target.Text)} | {Cell(check.Measured)} | {check.Verdict} | {last.Date.UtcDateTime:yyyy-MM-dd HH:mm} | {Load(last.LoadAverageBefore)} → {Load(last.LoadAverageAfter)} | {ceiling} | `{Cell(ShortCommand(last.Command))}` |\n"));
        }
        return text.ToString();
    }

    /// <summary>The arguments after <c>--</c>: the part that differs between runs.</summary>
    private static string ShortCommand(string command)
    {
        var at = command.IndexOf(" -- ", StringComparison.Ordinal);
        return at < 0 ? command : command[(at + 4)..];
    }

    private static string Load(double? value) => value is { } v ? Invariant($"{v:0.00}") : "?";

    private static string Cell(string value) => value.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
