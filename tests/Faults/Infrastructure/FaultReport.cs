using AfterSales.Faults.Checking;
using AfterSales.Faults.Ledger;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults.Infrastructure;

/// <summary>Writes what a fault test measured to its output (shown by <c>dotnet test --logger "console;verbosity=detailed"</c>
/// and in the TRX file), one line per figure.</summary>
internal static class FaultReport
{
    public static void Write(ITestOutputHelper output, string test, WriteLedger ledger, LedgerVerdict verdict, params (string Name, TimeSpan? Value)[] times)
    {
        output.WriteLine($"[faults] {test}");
        foreach (var (name, value) in times)
        {
            output.WriteLine($"[faults]   {name}: {(value is { } v ? AttemptWindow.Seconds(v) : "n/a")}");
        }
        var writes = ledger.Writes;
        output.WriteLine($"[faults]   writes {writes.Count}: " + string.Join(", ", writes.GroupBy(w => w.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"[faults]   attempts {ledger.Attempts.Count}: {AttemptWindow.Tally(ledger.Attempts)}; slowest {AttemptWindow.Seconds(AttemptWindow.Slowest(ledger.Attempts))}");
        output.WriteLine($"[faults]   check: {verdict.Describe()}");
    }
}
