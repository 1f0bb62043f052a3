using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Domain.Problems;

/// <summary>The words of problem cases: the subject and description detection opens a problem with, the summary its
/// children are resolved with, and the account of what resolving them did.</summary>
internal static class ProblemText
{
    /// <summary>Most case numbers one group of <see cref="DescribeChildren"/> names before it counts the rest.</summary>
    public const int NamedChildren = 20;

    /// <summary><c>HX-200 E42 on serials HX200-001000 to HX200-001450</c> (at most the subject length).</summary>
    public static string Subject(ProblemScope scope) =>
        Clip($"{scope.Model} {scope.FaultCode} on serials {scope.LowestSerial} to {scope.HighestSerial}", FieldLimits.Subject);

    /// <summary>What detection found, for the problem's description.</summary>
    public static string Description(ProblemScope scope) => Clip(
        string.Create(CultureInfo.InvariantCulture,
            $"{scope.Faults} fault cases with code {scope.FaultCode} on model {scope.Model} within {Duration(scope.Window)}, on serials ")
        + $"{scope.LowestSerial} to {scope.HighestSerial}: they likely share a cause. The fault cases are this problem's children; "
        + "resolving the problem with resolveChildren resolves them with its summary.",
        FieldLimits.Description);

    /// <summary>The resolution summary of a child resolved with its problem.</summary>
    public static string ChildSummary(string problemNumber, string summary) =>
        Clip($"Resolved with problem {problemNumber}: {summary}", FieldLimits.Summary);

    /// <summary><c>resolved AS-1, AS-2; left open: AS-3 (not started); already ended: AS-4</c>.</summary>
    public static string DescribeChildren(IReadOnlyCollection<ChildResolution> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return "no children to resolve";
        }
        var parts = new List<string>();
        Add(parts, "resolved", outcomes.Where(o => o.Outcome == ChildResolutionOutcome.Resolved).Select(o => o.CaseNumber));
        Add(parts, "left open", outcomes
            .Where(o => o.Outcome is ChildResolutionOutcome.NotStarted or ChildResolutionOutcome.Refused)
            .Select(o => $"{o.CaseNumber} ({(o.Outcome == ChildResolutionOutcome.NotStarted ? "not started" : "its technician could not start it")})"));
        Add(parts, "already ended", outcomes.Where(o => o.Outcome == ChildResolutionOutcome.AlreadyEnded).Select(o => o.CaseNumber));
        Add(parts, "no longer children", outcomes.Where(o => o.Outcome == ChildResolutionOutcome.NotChild).Select(o => o.CaseNumber));
        return string.Join("; ", parts);
    }

    private static void Add(List<string> parts, string label, IEnumerable<string> items)
    {
        var all = items.ToArray();
        if (all.Length == 0)
        {
            return;
        }
        var named = string.Join(", ", all.Take(NamedChildren));
        parts.Add(all.Length > NamedChildren
            ? string.Create(CultureInfo.InvariantCulture, $"{label}: {named} and {all.Length - NamedChildren} more")
            : $"{label}: {named}");
    }

    private static string Duration(TimeSpan window) => window.Ticks % TimeSpan.TicksPerDay == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{window.Days} day{(window.Days == 1 ? "" : "s")}")
        : string.Create(CultureInfo.InvariantCulture, $"{(long)window.TotalHours} hours");

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
